package dev.whiteboard.feedback.scoring;

import static dev.whiteboard.feedback.scoring.CoverageFixtures.coveredKeys;
import static dev.whiteboard.feedback.scoring.CoverageFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.whiteboard.feedback.scoring.CoverageReport.Evidence;
import dev.whiteboard.feedback.scoring.CoverageReport.ItemCoverage;
import dev.whiteboard.feedback.scoring.CoverageReport.PhaseCoverage;
import dev.whiteboard.feedback.scoring.TemplateSpec.ChecklistItemSpec;
import dev.whiteboard.feedback.scoring.TemplateSpec.PhaseSpec;

class CoverageScorerTest {

    private final CoverageScorer scorer = new CoverageScorer();
    private final TemplateSpec template = CoverageFixtures.defaultTemplate();

    private CoverageReport score(String phase, String text) {
        return scorer.score(template, List.of(new NoteText(phase, text)));
    }

    private static TemplateSpec oneItemTemplate(String id, int version, List<String> cues) {
        ChecklistItemSpec item = new ChecklistItemSpec("caching", "How do you cache?", "Add a cache.", cues);
        return new TemplateSpec(id, version, "test", List.of(new PhaseSpec("deep-dive", "Deep dive", 1, 1, 2,
                List.of(item))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"We are caching the hot feeds in Redis.", "Hot feeds are cached in Redis.",
            "Two caches hold the hot feeds.", "A cache in Redis holds the hot feeds."})
    void inflectionsOfACueWordAreOneConcept(String note) {
        TemplateSpec caching = oneItemTemplate("stemming", 1, List.of("cache"));

        CoverageReport report = scorer.score(caching, List.of(new NoteText("deep-dive", note)));

        assertThat(item(report, "caching").covered()).isTrue();
    }

    @Test
    void aLineWithoutSentenceEndsIsJudgedInPiecesOfAtMostAThousandCharacters() {
        String filler = "and then the service does some more work ".repeat(60);
        String text = filler + "Redis keeps the hot timelines, LRU once memory is full " + filler
                + "-> ".repeat(2_000);

        CoverageReport report = score("deep-dive", text);

        assertThat(item(report, "cache-eviction").covered()).isTrue();
        List<Evidence> evidence = item(report, "cache-eviction").evidence();
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).sentence()).contains("LRU once memory is full")
                .hasSizeLessThanOrEqualTo(NoteSegmenter.MAX_UNIT_CHARS);
    }

    @Test
    void aPlatformCueOfManyGapsOrFillersIsBoundedNotSearchedEveryWay() {
        // Searched every way, "gap x 9 + zzz" over 200 words took minutes and 10 fillers over 3,000 "the" seconds.
        TemplateSpec gaps = oneItemTemplate("many-gaps", 1, List.of("cache " + "gap ".repeat(9) + "lru"));
        TemplateSpec fillers = oneItemTemplate("many-fillers", 1, List.of("the ".repeat(12) + "lru"));
        TemplateSpec tooLong = oneItemTemplate("too-long", 1, List.of("cache " + "word ".repeat(16) + "lru"));

        assertThat(item(scorer.score(gaps, List.of(new NoteText("deep-dive",
                "cache one two three four five six seven eight nine ten eleven lru"))), "caching").covered())
                .as("consecutive gaps span what one gap spans, at most three gaps count").isFalse();
        assertThat(item(scorer.score(gaps, List.of(new NoteText("deep-dive", "cache one two three lru"))), "caching")
                .covered()).isTrue();
        assertThat(item(scorer.score(fillers, List.of(new NoteText("deep-dive", "the ".repeat(3_000)))), "caching")
                .covered()).isFalse();
        assertThat(item(scorer.score(tooLong, List.of(new NoteText("deep-dive",
                "cache " + "word ".repeat(16) + "lru"))), "caching").covered())
                .as("a phrase of more than 16 words is left out").isFalse();
    }

    @Test
    void aDayAndAMonthWrittenShortAreRates() {
        assertThat(item(score("capacity", "100M DAU x 2 saves = 200M saves/d"), "events-per-day").covered()).isTrue();
        assertThat(item(score("capacity", "6B rides/mo across all cities"), "events-per-day").covered()).isTrue();
    }

    @Test
    void relationshipNotationIsNoCountOfAnything() {
        CoverageReport report = score("data-model", "hotel 1-N rooms, key N-1 reservation, DocketEntry 0..1 Filing");

        assertThat(item(report, "relationships").covered()).isTrue();
        assertThat(item(report, "scale").covered()).isFalse();
        assertThat(item(report, "record-count").covered()).isFalse();
    }

    @Test
    void cuesMatchWholeWordsNotSubstrings() {
        TemplateSpec caching = oneItemTemplate("substring", 1, List.of("cache", "lb"));

        CoverageReport report = scorer.score(caching, List.of(new NoteText("deep-dive",
                "The album service stores photos; a cachet of quality matters to the team.")));

        assertThat(item(report, "caching").covered()).isFalse();
    }

    @Test
    void lruCoversTheEvictionPolicy() {
        CoverageReport report = score("deep-dive", "Redis keeps the hot timelines, LRU once memory is full.");

        assertThat(item(report, "cache-eviction").covered()).isTrue();
        assertThat(item(report, "cache-eviction").evidence())
                .containsExactly(new Evidence("deep-dive", "Redis keeps the hot timelines, LRU once memory is full."));
    }

    @Test
    void contentDeliveryNetworkIsACdn() {
        CoverageReport report = score("deep-dive", "Images and video are served from a content delivery network.");

        assertThat(item(report, "cdn").covered()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Posts are sharded by user id.", "shard posts by user_id", "Partition key: userId"})
    void shardedByUserIdCoversTheShardingKey(String note) {
        assertThat(item(score("deep-dive", note), "sharding-key").covered()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Further topics: CDN, logging, metrics", "CDN, logging, metrics",
            "If time: CDN, logging and metrics"})
    void aBareListOfTopicsCoversNone(String note) {
        CoverageReport report = score("deep-dive", note);

        assertThat(coveredKeys(report)).isEmpty();
    }

    @Test
    void aListOfRequirementAdjectivesCoversNone() {
        CoverageReport report = score("functional-nonfunctional", "- NFR: highly available, low latency, scalable");

        assertThat(coveredKeys(report)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CDN?", "- websockets vs long polling?", "Do we need push notifications?",
            "caching (LRU? LFU?)"})
    void anUnansweredQuestionCoversNothing(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).isEmpty();
    }

    @Test
    void aQuestionAnsweredOnTheSameLineIsCoveredWithBothAsEvidence() {
        CoverageReport report = score("requirements", "- Stale data OK? Yes, up to a minute for the feed");

        assertThat(item(report, "stale-data").covered()).isTrue();
        assertThat(item(report, "stale-data").evidence()).containsExactly(
                new Evidence("requirements", "Stale data OK? Yes, up to a minute for the feed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"We could talk about sharding later.", "Not sure about sharding.",
            "I didn't get to sharding.", "Sharding is important."})
    void aPassingMentionDeferralOrUncertaintyIsNotCoverage(String note) {
        assertThat(item(score("deep-dive", note), "sharding-key").covered()).isFalse();
    }

    @Test
    void aNegativeDecisionWithAReasonIsCoverage() {
        CoverageReport report = score("deep-dive", "No CDN: every page is personalised and there are no images.");

        assertThat(item(report, "cdn").covered()).isTrue();
    }

    @Test
    void anItemCoveredInAnotherPhaseCountsAndTheEvidenceNamesThatPhase() {
        CoverageReport report = scorer.score(template, List.of(
                new NoteText("requirements", "Read heavy, so I'd shard products by category right away."),
                new NoteText("deep-dive", "We could talk about caching later.")));

        ItemCoverage sharding = item(report, "sharding-key");
        assertThat(sharding.covered()).isTrue();
        assertThat(sharding.evidence()).extracting(Evidence::phase).containsExactly("requirements");
        PhaseCoverage deepDive = report.phases().stream().filter(p -> p.phase().equals("deep-dive")).findFirst()
                .orElseThrow();
        assertThat(deepDive.coverage()).isCloseTo(1.0 / deepDive.items().size(), within(1e-9));
    }

    @Test
    void coverageIsCoveredOverTotalPerPhaseAndOverall() {
        CoverageReport report = scorer.score(template, List.of(
                new NoteText("capacity", "100M DAU x 10 writes = 1B writes/day, about 12k QPS."),
                new NoteText("deep-dive", "Cache hot feeds in Redis with LRU eviction.")));

        PhaseCoverage capacity = report.phases().get(2);
        assertThat(capacity.phase()).isEqualTo("capacity");
        assertThat(capacity.items().stream().filter(ItemCoverage::covered).map(ItemCoverage::itemKey))
                .containsExactlyInAnyOrder("events-per-day", "qps");
        assertThat(capacity.coverage()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(coveredKeys(report)).containsExactlyInAnyOrder("scale", "events-per-day", "qps", "cache-eviction");
        assertThat(report.coveredItems()).isEqualTo(4);
        assertThat(report.totalItems()).isEqualTo(39);
        assertThat(report.overall()).isCloseTo(4.0 / 39, within(1e-9));
    }

    @Test
    void abbreviationsCount() {
        CoverageReport report = scorer.score(template, List.of(
                new NoteText("functional-nonfunctional", "- p99 < 200ms for the redirect"),
                new NoteText("deep-dive", "- L7 LB in front of the API servers\n- k8s HPA autoscaling on CPU")));

        assertThat(coveredKeys(report)).contains("low-latency", "performance-latency", "load-balancers",
                "scalability");
    }

    @Test
    void wordsInACallsParenthesesNameParametersNotTopics() {
        CoverageReport report = score("functional-nonfunctional", "acquire(name, ttl) -> token, release(name, token)");

        assertThat(item(report, "api-actions").covered()).isTrue();
        assertThat(item(report, "cache-eviction").covered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"placeOrder, acceptOrder, trackOrder", "get/set/delete with a TTL per key"})
    void verbLedNamesAndSlashRunsOfVerbsAreApiOperations(String note) {
        assertThat(item(score("functional-nonfunctional", note), "api-actions").covered()).isTrue();
    }

    @Test
    void missingIsNoCacheMiss() {
        CoverageReport report = score("high-level-design", "The client asks which blocks are missing and uploads them.");

        assertThat(item(report, "cache-loading").covered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The cart lives in Redis keyed by session.", "Leases w/ TTL so a crashed client lets go.",
            "Players queue for a match.", "Users set price alerts on stocks."})
    void aWordInAnotherSenseNamesNoTopic(String note) {
        assertThat(coveredKeys(score("deep-dive", note)))
                .doesNotContain("sharding-key", "cache-eviction", "message-queues-and-batching", "logging-and-metrics");
    }

    @Test
    void aByteRateIsBandwidthNotARequestRate() {
        CoverageReport report = score("capacity", "~2 KB/s per host -> 100 MB/s in total");

        assertThat(item(report, "bandwidth").covered()).isTrue();
        assertThat(item(report, "qps").covered()).isFalse();
    }

    @Test
    void readsMuchGreaterThanWritesIsTheReadWritePattern() {
        assertThat(item(score("requirements", "Reads >> writes."), "read-write-pattern").covered()).isTrue();
        assertThat(item(score("requirements", "write >>> read."), "read-write-pattern").covered()).isTrue();
    }

    @Test
    void aMemorySizeIsACacheEstimateNotStorage() {
        CoverageReport report = score("capacity", "80/20 rule: cache the hottest 20% of URLs, about 50 GB of RAM.");

        assertThat(item(report, "cache-estimate").covered()).isTrue();
        assertThat(item(report, "storage-estimate").covered()).isFalse();
    }

    @Test
    void aMisspeltLongWordCountsAsTheCueItMisspells() {
        CoverageReport report = score("deep-dive", "- replciation factor 3, async");

        assertThat(item(report, "replication").covered()).isTrue();
    }

    @Test
    void linesUnderAHeadingReadWithIt() {
        CoverageReport report = score("deep-dive", "Caching:\n- LRU\n- write-through\n\nFurther topics:\n- CDN\n- logging");

        assertThat(coveredKeys(report)).containsExactlyInAnyOrder("cache-eviction", "cache-loading");
    }

    @Test
    void evidenceIsTheTrimmedSentenceWithoutTheBullet() {
        CoverageReport report = score("deep-dive", "  * Shard posts by user_id.   Replicas: 3, async.  ");

        assertThat(item(report, "sharding-key").evidence())
                .containsExactly(new Evidence("deep-dive", "Shard posts by user_id."));
        assertThat(item(report, "replication").evidence())
                .containsExactly(new Evidence("deep-dive", "Replicas: 3, async."));
    }

    @Test
    void numberedItemsLoseTheirNumberButDecimalNumbersStay() {
        CoverageReport report = score("capacity", "1. Events: 100M DAU x 10 = 1B per day\n2.5 million writes per second at peak");

        assertThat(item(report, "events-per-day").evidence())
                .containsExactly(new Evidence("capacity", "Events: 100M DAU x 10 = 1B per day"));
        assertThat(item(report, "qps").evidence())
                .containsExactly(new Evidence("capacity", "2.5 million writes per second at peak"));
    }

    @Test
    void eachTemplateVersionIsScoredWithItsOwnCues() {
        NoteText note = new NoteText("deep-dive", "Memcached in front of the database with a 5 minute expiry.");

        CoverageReport first = scorer.score(oneItemTemplate("versions", 1, List.of("redis")), List.of(note));
        CoverageReport second = scorer.score(oneItemTemplate("versions", 2, List.of("redis", "memcached")),
                List.of(note));

        assertThat(item(first, "caching").covered()).isFalse();
        assertThat(item(second, "caching").covered()).isTrue();
    }

    @Test
    void aGapInACueSpansAnyWordsUpToSixAndMakesAStatement() {
        TemplateSpec stale = oneItemTemplate("gap", 1, List.of("behind gap fine"));

        CoverageReport near = scorer.score(stale, List.of(new NoteText("deep-dive",
                "Behind by a few seconds is fine.")));
        CoverageReport far = scorer.score(stale, List.of(new NoteText("deep-dive",
                "Behind the load balancer sit eight stateless app servers, which is fine.")));

        assertThat(item(near, "caching").covered()).isTrue();
        assertThat(item(far, "caching").covered()).isFalse();
    }

    @Test
    void aGappedCueHidesNoOtherItemsWordsInsideIt() {
        CoverageReport report = score("requirements", "Feeds can be a bit behind in Postgres, that's fine.");

        assertThat(coveredKeys(report)).contains("stale-data", "sql-vs-nosql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"roughly 95% reads, the rest are writes", "about 100 views per upload",
            "uploads are rare compared to views", "~300k lookups/s against 2k updates/s (150:1)",
            "shoppers browse many items before they buy one"})
    void readAndWriteSharesAndRatiosInAnyWordingAreTheReadWritePattern(String note) {
        assertThat(coveredKeys(score("capacity", note))).contains("read-write-pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my own comment must appear instantly in my view",
            "whoever made the change must see it immediately, others can wait",
            "a user's reads are routed to the leader for a few seconds after they write",
            "writers read from the primary, everyone else hits replicas"})
    void aWriterSeeingItsOwnChangeAtOnceIsReadYourWrites(String note) {
        assertThat(coveredKeys(score("requirements", note))).contains("read-your-writes");
    }

    @Test
    void seeingSomethingImmediatelyIsLatencyNotReadYourWrites() {
        assertThat(coveredKeys(score("requirements", "users see the feed immediately when they open the app")))
                .doesNotContain("read-your-writes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"the leaderboard can be a minute behind, nobody minds",
            "dashboard numbers trailing by a couple of minutes is fine",
            "other devices can pick up the change a little later", "a view count that is a little behind is ok"})
    void delayAcceptedInAnyWordingIsStaleData(String note) {
        assertThat(coveredKeys(score("requirements", note))).contains("stale-data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"the world cup final puts all the traffic on one match's partition",
            "a large customer puts a lot of load on one database shard",
            "downtown at rush hour concentrates requests on a few geohash cells",
            "a few keys get far more traffic than the rest -> cache them locally"})
    void loadLandingOnOnePartitionIsAHotPartitionWithoutTheWordHot(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).contains("hot-partitions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"partitioned by user id so each user's data is on one shard",
            "all reads go to one replica"})
    void dataKeptTogetherOnOneShardIsNoHotPartition(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).doesNotContain("hot-partitions");
    }

    @Test
    void aClientFallingBackToPollingIsCommunicationNotErrorHandling() {
        CoverageReport report = score("deep-dive", "if the socket drops the app falls back to polling every 5s");

        assertThat(coveredKeys(report)).contains("communication").doesNotContain("error-handling");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobile app -> API gateway -> feed service -> Redis",
            "the upload service writes the metadata to Postgres and drops an event on a Kafka topic",
            "the client fetches the manifest from the CDN"})
    void aRequestTracedThroughComponentsInArrowsOrProseIsDataFlow(String note) {
        assertThat(coveredKeys(score("high-level-design", note))).contains("data-flow-per-operation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"photos are stored in S3, metadata in Postgres",
            "reads go to replicas, writes to the primary"})
    void whereDataIsStoredIsNoDataFlow(String note) {
        assertThat(coveredKeys(score("data-model", note))).doesNotContain("data-flow-per-operation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"the web nodes don't keep state, so the LB can send a request anywhere",
            "no session on the API boxes, everything is in the token", "a reconnecting client can land on any gateway"})
    void serversThatKeepNothingAreAStatelessTier(String note) {
        assertThat(coveredKeys(score("high-level-design", note))).contains("stateless-web-tier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replication? CDN later for the avatars", "Postgres or Cassandra? ask the interviewer",
            "maybe a CDN for thumbnails", "message queue later for the emails", "rate limiting at some point",
            "SQL or Mongo? both could work", "websockets or polling, either works I think",
            "how many users?? probably a lot", "Not doing: CDN, LB details - standard.", "CAP theorem - need to pick",
            "Could use Postgres or Mongo, both fine for this.", "I don't think we need sharding at this size."})
    void aTopicAskedOrPutOffNextToItIsNotCoveredEvenBesideOtherWords(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).isEmpty();
    }

    @Test
    void anAnsweredQuestionAndSomethingDoneLaterStayCovered() {
        assertThat(coveredKeys(score("deep-dive", "sharding? yes, by user_id"))).contains("sharding-key");
        assertThat(coveredKeys(score("deep-dive", "emails go on a queue, sent later by workers")))
                .contains("message-queues-and-batching");
        assertThat(coveredKeys(score("deep-dive", "budget counters eventually consistent")))
                .contains("availability-vs-consistency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Latency: quick.", "LB: the usual", "NFR: reliable, scalable", "components: LB, cache, DB",
            "| metric | target |", "need numbers: users, QPS, storage", "NFR: scalable + low latency obviously"})
    void vagueClaimsBareRequirementListsAndIntentionsSayNothing(String note) {
        assertThat(coveredKeys(score("requirements", note))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"key = userId#bookId, value = offsetMs, deviceId",
            "buyTicket(playerId, numbers) -> ticketId + serial", "a nightly detector finds serial voters"})
    void aMillisecondFieldAndASerialNumberAreNoLatencyNorSerialization(String note) {
        assertThat(coveredKeys(score("data-model", note))).doesNotContain("low-latency", "communication");
    }

    @Test
    void aBudgetInMillisecondsIsNoMoneyBudget() {
        assertThat(coveredKeys(score("requirements", "it sits inside a 100 ms auction budget")))
                .doesNotContain("open-source-and-cost");
        assertThat(coveredKeys(score("requirements", "budget: 2k dollars a month for infra")))
                .contains("open-source-and-cost");
    }

    @Test
    void aWriteCommittedBeforeTheAnswerAndNightlyDumpsAreDurability() {
        assertThat(coveredKeys(score("functional-nonfunctional",
                "session row committed before we return OK to the app"))).contains("durability");
        assertThat(coveredKeys(score("deep-dive", "nightly pg_dump to S3 plus the managed daily snapshots")))
                .contains("durability");
    }

    @Test
    void wordsInOtherSensesAreNoReplicationDurabilityQueueOrScale() {
        assertThat(coveredKeys(score("requirements", "the build goes out to 2,000 servers in three regions")))
                .doesNotContain("replication");
        assertThat(coveredKeys(score("deep-dive", "polling survives the deployer being down")))
                .doesNotContain("durability");
        assertThat(coveredKeys(score("requirements", "players queue for a game, then play")))
                .doesNotContain("message-queues-and-batching");
        assertThat(coveredKeys(score("requirements", "promos (first 10k) must not oversell")))
                .doesNotContain("scale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Peak ingest is about 350 MB/s across the fleet.", "5B events a day"})
    void byteRatesAndBillionsADayAreNoObjectSizes(String note) {
        assertThat(coveredKeys(score("capacity", note))).doesNotContain("object-size", "record-count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1M msgs/s x 1 KB = 1 GB/s ingress", "hot set: 0.2 x 50M x 2 KB = 20 GB in memcached",
            "playback 10M x 20 views x 4 MB = 800 TB/day"})
    void productsThatMakeARateAndFactorsAreNoRecordCounts(String note) {
        assertThat(coveredKeys(score("capacity", note))).doesNotContain("record-count");
    }

    @Test
    void sizesOfObjectsAndRecordsStillCount() {
        assertThat(coveredKeys(score("capacity", "Each thumbnail is around 30 KB."))).contains("object-size");
        assertThat(coveredKeys(score("capacity", "500M links x 500 bytes = 250 GB"))).contains("record-count");
        assertThat(coveredKeys(score("capacity", "egress roughly 350 MB/s"))).contains("bandwidth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"128 GB nodes, so ~40 of them", "hot set of about 8 TB lives in RAM",
            "400 GB -> ~8 redis boxes"})
    void machineMemoryAndWorkingSetsAreNoStorageEstimate(String note) {
        assertThat(coveredKeys(score("capacity", note))).doesNotContain("storage-estimate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A handful of tickers take most of the order flow.",
            "a few users generate most of the traffic",
            "one channel can be watched by millions at once", "a single shard holding billions of rows would melt",
            "the top artists are followed by tens of millions of fans",
            "busy geohashes get split into finer ones on the fly"})
    void hotPartitionsToldWithoutHot(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).contains("hot-partitions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"One request takes most of the time in the DB call.", "Most of the users are on mobile.",
            "shards are split by user id, each on its own node"})
    void mostOfTheTimeAndFillerWordsAreNoHotPartitions(String note) {
        assertThat(coveredKeys(score("deep-dive", note))).doesNotContain("hot-partitions");
    }

    @Test
    void usersAndActionsToldInProse() {
        assertThat(coveredKeys(score("requirements", "Anyone can upload a video and share the link.")))
                .contains("users-and-usage");
        assertThat(coveredKeys(score("requirements", "other teams use it to store session blobs")))
                .contains("users-and-usage");
        assertThat(coveredKeys(score("functional-nonfunctional",
                "The operations: create a board, invite a member, move a card."))).contains("api-actions");
        assertThat(coveredKeys(score("functional-nonfunctional", "ops: GET key, PUT key value")))
                .contains("api-actions");
        assertThat(coveredKeys(score("deep-dive", "the API is down for 5 minutes during deploys")))
                .doesNotContain("api-actions");
    }

    @Test
    void shardingScalabilityAndReadWriteSplitInOtherWords() {
        assertThat(coveredKeys(score("deep-dive", "jobs assigned by hash(tenant_id) to one of 64 workers")))
                .contains("sharding-key");
        assertThat(coveredKeys(score("deep-dive", "each key is hashed onto the ring of cache nodes")))
                .contains("sharding-key");
        assertThat(coveredKeys(score("high-level-design", "the websocket tier scales by adding more edge boxes")))
                .contains("scalability");
        assertThat(coveredKeys(score("capacity", "~50k gets/s and 5k sets/s at peak"))).contains("read-write-split");
        assertThat(coveredKeys(score("capacity", "events/day: 10M x 5 = 50M writes/day")))
                .doesNotContain("read-write-split");
    }

    @Test
    void eventuallyPutsOffUnlessItIsAModelOrARequirement() {
        assertThat(coveredKeys(score("high-level-design", "CDN eventually, for the thumbnails"))).doesNotContain("cdn");
        assertThat(coveredKeys(score("capacity", "QPS: to calculate"))).doesNotContain("qps");
        assertThat(coveredKeys(score("requirements", "feeds are eventually consistent, a minute behind is fine")))
                .contains("stale-data");
        assertThat(coveredKeys(score("requirements", "balances must be exact eventually; the UI can lag")))
                .contains("availability-vs-consistency");
    }

    @Test
    void withoutNotesEveryItemIsMissedWithItsHint() {
        CoverageReport report = scorer.score(template, List.of());

        assertThat(report.overall()).isZero();
        assertThat(CoverageFixtures.items(report)).hasSize(39)
                .allSatisfy(item -> {
                    assertThat(item.covered()).isFalse();
                    assertThat(item.hint()).isNotBlank();
                    assertThat(item.evidence()).isEmpty();
                });
    }
}
