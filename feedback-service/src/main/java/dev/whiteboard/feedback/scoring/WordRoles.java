package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What words do in a note, independent of any template: filler words, words that only talk about the
 * interview (so a sentence made of them and a topic name says nothing about the topic), phrases that
 * put a topic off or admit not knowing it, and compounds that contain a topic word without naming the
 * topic ("API server" is not an API design, "object storage" is not a storage estimate).
 */
final class WordRoles {

    private static final List<String> FILLER = List.of(
            "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
            "over", "via", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this",
            "that", "these", "those", "there", "here", "and", "or", "but", "so", "if", "then", "than", "we", "i",
            "you", "they", "he", "she", "us", "me", "them", "we'd", "has", "have", "had",
            "i'd", "we'll", "i'll", "let's", "i'm", "we're", "they're", "you'd", "what", "which", "who", "whom",
            "whose", "when", "where", "how", "why", "do", "does", "did", "will", "shall", "can", "just", "very",
            "too", "only", "all", "any", "some", "each", "x", "eg", "e.g", "ie", "i.e", "w", "about",
            "around", "roughly", "approx", "nearly", "almost", "percent");

    /** Words about the interview itself, hedges and vague praise: no substance about a topic. */
    private static final List<String> TALK = List.of(
            "topic", "topics", "further", "other", "more", "also", "discuss", "discussed", "discussing",
            "discussion", "talk", "talked", "talking", "cover", "covered", "obviously", "really", "clearly",
            "later", "earlier", "maybe", "perhaps", "possibly", "probably", "might", "could", "would", "should",
            "may",
            "sure", "idea", "know", "think", "thought", "guess", "etc", "thing", "things", "stuff", "important",
            "interesting", "relevant", "useful", "good", "nice", "great", "consider", "considered",
            "considering", "look", "looking", "explore", "exploring", "deep", "dive", "dives", "nfr", "nfrs",
            "nonfunctional", "non", "requirement", "requirements", "req", "reqs", "capacity", "estimation",
            "estimations", "design", "high", "level", "hld", "lld", "question", "questions", "q", "answer",
            "note", "notes", "aspect", "aspects", "point", "points", "detail", "details", "part", "parts", "area",
            "areas", "such", "various", "several", "lot", "lots", "yet", "now", "again", "wise", "re",
            "regarding", "meh", "hmm", "per", "our", "your", "their", "my", "his", "her", "boxes", "components",
            "building", "blocks", "functional", "shd",
            NoteAnalyzer.ARROW);

    /**
     * Vague praise of a system, the requirement named rather than answered ("Latency: fast.", "NFR:
     * scalable, reliable", "Scale: big.", "LB: the usual", "latency should be low"): no substance.
     */
    private static final List<String> VAGUE = List.of(
            "fast", "faster", "quick", "quickly", "low", "lower", "big", "usual", "standard", "scalable", "reliable",
            "secure", "robust", "resilient", "performant", "responsive", "efficient", "whatever", "enough", "snappy",
            "speedy", "course");

    /**
     * Words after a number that measure rather than count ("40 TB", "5 ms", "10k per second", "50k peak"):
     * the number is no count of users or records.
     */
    private static final List<String> UNITS = List.of(
            "b", "kb", "mb", "gb", "tb", "pb", "eb", "kib", "mib", "gib", "tib", "byte", "bytes", "bit", "bits",
            "bps", "kbps", "mbps", "gbps", "tbps", "ms", "us", "ns", "s", "sec", "secs", "second", "seconds",
            "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "week",
            "weeks", "mo", "month", "months", "y", "yr", "yrs", "year", "years", "percent", "qps", "rps", "tps",
            "rpm", "hz", "km", "mi", "mile", "miles", "peak", "avg", "average", "mean", "total", "max", "min",
            "ish", "tops", "writes", "reads", "requests", "req", "reqs", "times", "x");

    private static final List<String> BYTE_UNITS = List.of(
            "b", "kb", "mb", "gb", "tb", "pb", "eb", "kib", "mib", "gib", "tib", "byte", "bytes", "kilobytes",
            "megabytes", "gigabytes", "terabytes", "petabytes");
    /** Byte units of one object or record ("1 KB", "500 bytes"), not of a data set. */
    private static final List<String> OBJECT_UNITS = List.of(
            "b", "kb", "mb", "kib", "mib", "byte", "bytes", "kilobytes", "megabytes");
    /** Byte units large enough for a whole data set rather than one object ("15 GB", "3 TB"). */
    private static final List<String> VOLUME_UNITS = List.of(
            "gb", "tb", "pb", "eb", "gib", "tib", "gigabytes", "terabytes", "petabytes");
    private static final List<String> TIME_UNITS = List.of(
            "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hour", "hours",
            "d", "day", "days", "month", "months", "year", "years", "yr");

    private static final List<String> RATE_WORDS = List.of("per", "a", "an", "each", "every");
    private static final List<String> SECONDS = List.of("s", "sec", "secs", "second", "seconds");

    /** Verbs of what people do with a system: "users verb" in a cue matches "users upload", "users book", ... */
    private static final List<String> USER_ACTIONS = List.of(
            "upload", "post", "send", "watch", "search", "share", "follow", "browse", "click", "pay", "book", "request",
            "create", "view", "read", "open", "install", "expect", "paste", "scroll", "look", "see", "get", "check",
            "play", "type", "listen", "sync", "edit", "write", "chat", "message", "order", "rate", "review", "vote",
            "like", "comment", "stream", "submit", "schedule", "track", "sign", "subscribe", "save", "download",
            "manage", "query", "ask", "pan", "find", "join", "invite", "add", "buy", "sell", "bid", "enter", "reply",
            "react", "visit", "swipe", "translate", "draw", "collaborate", "discover", "tap", "drive", "ride",
            "deliver", "publish", "reserve", "rent", "cancel", "transfer", "trade", "bookmark", "upvote", "connect",
            "register", "interact", "navigate", "consume", "use", "call", "report", "access", "drop", "push", "record",
            "file", "drag", "control", "clap", "highlight", "compose", "plan", "log", "design", "monitor");

    /** Word classes for cues that relate words across others ({@link PhraseIndex#GAP}), by their placeholder. */
    private static final Map<String, List<String>> CUE_CLASSES = Map.ofEntries(
            Map.entry("okword", List.of("ok", "okay", "fine", "acceptable", "tolerable", "allowed", "tolerated", "mind",
                    "notice")),
            Map.entry("nowword", List.of("immediately", "instantly", "instant", "immediate", "straightaway")),
            Map.entry("readword", List.of("read", "reads", "get", "gets", "lookup", "lookups", "view", "views",
                    "viewed", "redirect", "redirects", "click", "clicks", "search", "searches", "query", "queries",
                    "fetch", "browse", "opened", "refresh")),
            Map.entry("writeword", List.of("write", "writes", "written", "set", "sets", "put", "puts", "update",
                    "updates", "updated", "create", "creates", "created", "post", "posts", "upload", "uploads",
                    "insert", "edit", "edits", "edited", "hold", "holds", "booking", "bookings", "order", "orders",
                    "purchase", "purchases", "buy")),
            Map.entry("pileword", List.of("land", "lands", "pile", "piles", "concentrate", "concentrates", "lot",
                    "traffic", "load", "overload")),
            Map.entry("oneword", List.of("one", "single", "few", "handful", "same")),
            Map.entry("partword", List.of("shard", "shards", "partition", "partitions", "node", "nodes", "cell",
                    "cells", "channel", "channels", "row", "rows", "bucket", "buckets", "server", "servers", "machine",
                    "box", "broker",
                    "key", "keys")),
            Map.entry("transportword", List.of("polling", "poll", "sse", "websocket", "websockets", "http", "grpc",
                    "socket", "sockets", "mqtt")),
            Map.entry("flowword", List.of("write", "writes", "publish", "publishes", "put", "puts", "send", "sends",
                    "push", "pushes", "store", "stores", "forward", "forwards", "read", "reads", "get", "gets", "fetch",
                    "fetches", "pull", "pulls", "consume", "consumes", "enqueue", "append", "appends", "insert",
                    "inserts", "upload", "uploads", "route", "routes", "call", "calls", "query", "queries", "emit",
                    "emits", "ship", "ships", "relay", "relays", "open", "opens", "connect", "connects")),
            Map.entry("actorword", List.of("service", "svc", "server", "servers", "worker", "workers", "client",
                    "clients", "app", "browser", "gateway", "consumer", "consumers", "producer", "producers", "api",
                    "relay", "job", "lambda", "poller", "pollers", "library", "crawler", "handler")),
            Map.entry("componentword", List.of("service", "svc", "server", "servers", "db", "database", "cache",
                    "redis", "kafka", "topic", "queue", "storage", "s3", "worker", "workers", "replica", "primary",
                    "index", "gateway", "broker", "table", "bucket", "cdn", "cluster", "postgres", "mysql", "cassandra",
                    "dynamodb", "elasticsearch", "shard", "leader", "follower", "stream", "consumer", "consumers")),
            Map.entry("peopleword", List.of("people", "athletes", "teams", "managers", "homeowners", "drivers",
                    "riders", "passengers", "players", "gamers", "viewers", "shoppers", "merchants", "sellers",
                    "buyers", "hosts", "guests", "students", "learners", "teachers", "doctors", "patients",
                    "employees", "admins", "creators", "authors", "writers", "readers", "members", "subscribers",
                    "listeners", "advertisers", "traders", "owners", "engineers", "devs", "developers",
                    "travellers", "travelers", "diners", "couriers", "editors", "reviewers", "streamers", "fans",
                    "voters", "parents", "clinicians", "analysts", "investors", "bidders", "renters", "landlords",
                    "candidates", "recruiters", "musicians", "artists", "marketers",
                    "operators", "staff", "nurses", "dispatchers", "senders", "signers", "recipients", "maintainers",
                    "freelancers", "contractors", "publishers", "roommates", "volunteers", "organizers",
                    "organisers", "coaches", "residents", "commuters", "citizens")),
            Map.entry("cacheword", List.of("cache", "caches", "cached", "redis", "memcached", "memcache")),
            Map.entry("bigword", List.of("popular", "huge", "giant", "mega", "viral", "famous", "dense", "busy",
                    "busiest", "hottest", "biggest", "largest", "celebrity", "celebrities")));

    /** Words that make a topic's name its answer: "write heavy" says which, "rarely changes" how often. */
    private static final List<String> VERDICTS = List.of(
            "heavy", "mostly", "dominate", "dominates", "dominated", "dominant", "outnumber", "rarely", "seldom",
            "barely", "frequently", "immutable", "append", "once", "intensive");

    /** Phrases that put a topic off, leave it out or admit not knowing it. */
    private static final List<String> DEFERRAL = List.of(
            "further topics", "other topics", "more topics", "topics to discuss", "if time",
            "if there is time", "if there's time", "if we have time", "if we had time", "if we had more time",
            "with more time", "time permitting", "out of scope", "not covered", "not discussed", "not addressed",
            "didn't get to", "did not get to", "didn't cover", "did not cover", "didn't discuss", "ran out of time",
            "todo", "tbd", "next time", "parking lot", "open questions", "open question", "would discuss",
            "could discuss", "can discuss", "could talk about", "would talk about", "can talk about",
            "talk about later", "come back to", "get back to", "won't go into", "will not go into",
            "not go into", "would mention", "could mention", "worth mentioning", "haven't thought about",
            "have not thought about", "not thought about", "not sure", "unsure", "don't know", "do not know",
            "no idea", "not decided", "undecided", "haven't decided", "not clear", "unclear", "didn't ask",
            "did not ask", "not asked", "forgot", "left out", "not covering", "won't cover", "will not cover",
            "not going to cover", "won't discuss", "not discussing", "i'll skip", "we'll skip", "will skip",
            "skip it", "skip them", "skipping it", "skipping this", "skipping that", "just mention", "only mention",
            "to mention", "mention it",
            "not relevant", "not really relevant", "irrelevant", "also look at", "would look at", "could look at",
            "would also look at", "i'd also look at", "if time permits", "time permits", "not go deep",
            "won't go deep", "not going deep", "would mention", "i'd mention", "mention but", "for later",
            "leave for later", "park it", "nice to have", "future work", "v2", "later phase",
            "need to think", "needs thought", "needs more thought", "have to think", "to be decided",
            "think about it later", "think about that later", "think about later", "need to look at",
            "needs a look", "didn't decide", "did not decide", "haven't decided yet", "didn't get there",
            "did not get there", "didn't get that far", "did not get that far", "discuss with interviewer",
            "discuss with the interviewer", "discuss w interviewer", "next iteration", "still open", "out of time",
            "maybe later", "no time for", "will list", "list if needed", "would add later", "will add later",
            "i'd add later", "add it later", "add that later", "add this later", "add those later",
            "punt on", "i'd punt", "we'd punt", "can revisit", "could revisit", "will revisit", "revisit later",
            "revisit that", "revisit this", "revisit it", "later problem", "problem for later", "leave aside",
            "leaving aside", "leave that aside", "leaving that aside", "leave it aside", "leaving it aside",
            "leaving these aside", "leaving those aside", "set aside for now", "put aside", "think about that more",
            "think about it more", "think more about", "parking this", "parking that", "i'd park", "park that",
            "for now skip", "skip for now",
            "check with product", "ask product", "need to ask", "need to check", "time up", "time's up",
            "wanted to say", "wanted to talk about", "wanted to mention",
            "did not have time", "didn't have time", "had no time", "not enough time", "won't write", "will not write",
            "not write them out", "do not repeat", "don't repeat", "won't repeat", "not repeat them", "unanswered",
            "ask pm", "ask the pm", "check with pm", "did not calculate", "didn't calculate", "did not estimate",
            "didn't estimate", "did not compute", "wanted to explain", "moved me on", "i'd discuss", "discuss it with",
            "discuss with the team", "all possible", "each has pros and cons", "each has its pros and cons",
            "we could go", "could argue both", "argue either way", "would need more time", "need more time", "idk",
            "dunno", "no clue", "all would work", "any would work", "any of them would work", "or something else",
            "both seem important", "both are important", "both could work", "both would work", "both work fine",
            "either works", "either would work", "either could work", "either is fine", "either way works",
            "both fine", "both can work", "both have pros and cons", "both have their pros and cons",
            "could argue either", "need to pick", "not doing", "should ask", "ask about it", "not reached",
            "didn't reach", "did not reach", "i'd leave to", "leave that to", "leave it to", "want to discuss",
            "no time left",
            "to be determined", "open issue", "figure out later", "figure that out later", "work out later",
            "not sure yet", "need numbers", "need calc", "need to calc", "need to calculate", "need estimates");

    /**
     * Verbs of working on the design rather than of what the system does: "decide later", "will list them
     * later" put a topic off, while "retry later", "handle them later" or "add them later to Postgres" is a
     * mechanism.
     */
    private static final List<String> DISCUSSION_VERBS = List.of(
            "decide", "discuss", "look at", "cover", "detail", "design", "address", "consider", "list", "explain",
            "talk about", "tackle", "deal with", "figure out", "sort out", "work out", "think about", "estimate",
            "calculate", "get to", "go into", "elaborate", "expand on");

    /**
     * Compounds that contain a topic's word without being about the topic; they hide the topic words
     * inside them ("2 replicas per shard" names no sharding key, "17 TB per day" is no event count, "browser
     * cache 1h" sizes no cache, a nightly "batch job" batches no requests, a user who "logs in" is no logging,
     * "2 GB/s" is no request rate, a "daily job" counts no events, a lease's TTL evicts no cache entry).
     */
    private static final List<String> NEUTRAL_COMPOUNDS = List.of(
            "user id", "userid", "api server", "api servers", "api gateway", "api gateways", "api layer",
            "api tier", "api service", "api node", "api nodes", "api fleet", "app server", "app servers",
            "web server", "web servers", "application server", "application servers", "object storage",
            "object store", "blob storage", "blob store", "block storage", "cold storage", "hot storage",
            "storage layer", "storage service", "non functional", "nonfunctional", "write api", "read api",
            "latency budget", "error budget", "time budget", "p99 budget", "n ms budget", "n ms auction budget",
            "n s budget", "frame budget", "render budget", "no sharding", "need sharding", "won't shard", "not shard",
            "ingress controller", "ingress nginx",
            "k8s ingress", "kubernetes ingress", "per shard", "each shard", "same shard", "one shard", "n shards",
            "shard primary", "shard leader", "shard replica", "shard replicas", "kb per day", "mb per day",
            "gb per day", "tb per day", "pb per day", "gb per month", "tb per month", "pb per month",
            "tb per year", "pb per year", "cache n s", "cache n sec", "cache n seconds", "cache n min",
            "cache n minutes", "cache n h", "cache n hr", "cache n hours", "cache n days", "batch job", "batch jobs",
            "batch pipeline", "nightly batch", "search logs", "query logs", "click logs", "from logs",
            "from the logs", "logs in", "log in", "logged in", "logs into", "logging in", "packet loss",
            "alert rule", "alert rules", "polled by workers", "poll noun table",
            "polls the database", "poll the database", "polls the db", "poll the db", "kb a day", "mb a day",
            "gb a day", "tb a day", "pb a day", "gb a month", "tb a month", "pb a month", "tb a year", "pb a year",
            "edge server", "edge servers", "edge node", "edge nodes", "notification endpoint",
            "on cpu", "on consumer lag", "on queue depth", "on queue length", "top n cache", "top n cached",
            "cache keyed by", "cached keyed by", "redis keyed by", "memcached keyed by", "lease ttl", "leases ttl",
            "lock ttl", "locks ttl", "ttl heartbeat", "ttl heartbeats", "price alert", "price alerts",
            "job alert", "job alerts", "alerts go out", "alerts are sent", "alerts sent to", "alerts to users",
            "alerts to customers", "alerts via push", "alerts by email", "alerts by sms", "alert the user",
            "alerts the user", "alert users", "hold queue", "hold queues", "long queue", "long queues",
            "queue at the", "queue of people", "queue of customers", "queue of users",
            "session timeout", "session timeouts", "token that expires", "token expires", "tokens expire",
            "session expires", "sessions expire", "link expires", "links expire", "no kafka", "without kafka",
            "avoid kafka", "avoid adding kafka", "no queue", "without a queue",
            "no message queue",
            "network partition", "network partitions", "disk partition", "disk partitions", "split equally",
            "split the bill", "split bills", "split expenses",
            "use a dashboard for", "uses a dashboard for", "use a dashboard to", "dashboard to see",
            "send alerts when", "sends alerts when", "alerts when someone", "alerts when a user",
            "own monitoring", "their monitoring",
            "during a partition", "during partitions", "partition tolerance", "partition tolerant",
            "startup budget", "load balancing between",
            "packets get lost", "packets are lost", "packet lost", "lost packet", "lost packets", "detect loss",
            "detects loss", "signal loss", "connection loss", "lose connection", "loses connection", "lost connection",
            "loses connectivity", "lose connectivity", "hot wallet", "hot wallets", "cold wallet", "cold wallets",
            "sse kms", "sse s3", "cpu bound", "poll closing", "polls close", "polling station", "polling stations",
            "users are n", "users are about n", "users are around n", "users are roughly n", "users are over n",
            "users is n", "clients are n",
            "sharding not needed", "sharding probably not needed", "sharding isn't needed", "sharding is not needed",
            "sharding not at this size", "sharding not at this scale", "no sharding needed", "no need to shard",
            "no need for sharding", "partitioning not needed", "partitioning isn't needed",
            "partitioning the data isn't a concern", "partitioning isn't a concern", "sharding isn't a concern",
            "sharding is not a concern", "sharding not a concern",
            "players queue", "users queue", "people queue", "queue up", "join queue", "joins queue",
            "leave queue", "leaves queue", "kb per s", "mb per s", "gb per s", "tb per s", "kb per sec", "mb per sec",
            "gb per sec", "kb per second", "mb per second", "gb per second", "bytes per second", "bytes per s",
            "daily job", "daily jobs", "daily noun job", "daily noun jobs", "daily batch", "daily index",
            "daily indices", "daily indexes", "daily cleanup", "daily backup", "daily backups", "daily snapshot",
            "daily snapshots", "daily partition", "daily partitions", "runs daily", "per endpoint", "per route",
            "noun id", "noun ids", "per partition", "each partition", "every n ms", "every n milliseconds",
            "user actions", "wait in a queue", "waits in a queue", "waiting in a queue", "token ttl", "tokens ttl",
            "session ttl", "by a day", "for a day", "within a day", "once a day", "twice a day",
            "fall back to transportword", "fallback to transportword", "fall back to long polling",
            "fallback to long polling", "servers in n regions", "servers across n regions", "nodes in n regions",
            "deployed in n regions", "deployed to n regions", "deploy to n regions", "fleet in n regions",
            "survive noun down", "survives noun down", "survive noun outage", "survives noun outage",
            "queue for a match", "queue for a game", "queue for matchmaking", "queued for a match",
            "a day old", "n day old", "n days old", "days old", "x n10k n byteunit", "x n10k noun n byteunit");

    /**
     * A cap per day is a limit, not a daily volume: "max 3 posts/day", "limited to 1,000 calls a day", "capped at
     * 3/day/user"; every cap word with one to three counted words and "per day" or "a day", as neutral compounds.
     */
    private static final List<String> DAILY_CAPS = dailyCaps();

    /**
     * A label answered with a deferral: "analytics / monitoring: later", "CDN - TBD", "geofence alerts -> later", and
     * a question marked as left open ("Is open source allowed? (not answered)"), "n/a at this scale", "I skipped QPS".
     */
    private static final Pattern DEFERRED_LABEL = Pattern.compile(
            "(?:->|\u2192|[:\\-\u2013\u2014])\\s*(later|tbd|todo|skip|skipped|parked|n/?a|not now|out of scope)"
                    + "(\\W*$|\\s*[,;])"
                    + "|(^|\\s)n/a(\\W*$|\\s+(at|for|here|imo|now|yet)\\b)|\\b(i|we) skipped\\b"
                    + "|,\\s*(skip|skipped|later|tbd)\\W*$"
                    + "|\\((not answered|no answer|unanswered|tbd)\\)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> filler;
    private final Set<String> talk;
    private final Set<String> units;
    private final Set<String> rateWords;
    private final Set<String> verdicts;
    private final Set<String> byteUnits;
    private final Set<String> volumeUnits;
    private final Set<String> objectUnits;
    private final Set<String> timeUnits;
    private final Set<String> memoryWords;
    private final Set<String> seconds;
    /** "(first 10k) must not oversell": a modal verb after a number counts nothing. */
    private final Set<String> modals;
    private final Set<String> userActions;
    private final Map<String, Set<String>> cueClasses = new java.util.HashMap<>();
    private final PhraseIndex deferrals;
    private final List<List<AnalyzedToken>> neutralCompounds;

    WordRoles(NoteAnalyzer analyzer) {
        this.filler = terms(analyzer, FILLER);
        Set<String> talkAndVague = new HashSet<>(terms(analyzer, TALK));
        talkAndVague.addAll(terms(analyzer, VAGUE));
        this.talk = Collections.unmodifiableSet(talkAndVague);
        this.units = terms(analyzer, UNITS);
        this.rateWords = terms(analyzer, RATE_WORDS);
        this.verdicts = terms(analyzer, VERDICTS);
        this.byteUnits = terms(analyzer, BYTE_UNITS);
        this.volumeUnits = terms(analyzer, VOLUME_UNITS);
        this.timeUnits = terms(analyzer, TIME_UNITS);
        this.objectUnits = terms(analyzer, OBJECT_UNITS);
        this.memoryWords = terms(analyzer, List.of("ram", "memory", "heap", "each", "cache", "redis", "memcached",
                "box", "boxes", "machine", "machines", "node", "nodes", "instance", "instances", "host", "hosts"));
        this.seconds = terms(analyzer, SECONDS);
        this.modals = terms(analyzer, List.of("must", "need", "needs", "cannot", "mustn't"));
        this.userActions = terms(analyzer, USER_ACTIONS);
        CUE_CLASSES.forEach((placeholder, words) -> cueClasses.put(placeholder, terms(analyzer, words)));
        this.deferrals = new PhraseIndex(filler, Map.of());
        for (String phrase : DEFERRAL) {
            deferrals.add(analyzer.tokens(phrase), 0);
        }
        for (String verb : DISCUSSION_VERBS) {
            for (String object : List.of("", " it", " this", " that", " them", " those")) {
                deferrals.add(analyzer.tokens(verb + object + " later"), 0);
            }
        }
        this.neutralCompounds = Stream.concat(NEUTRAL_COMPOUNDS.stream(), DAILY_CAPS.stream())
                .map(analyzer::tokens).toList();
    }

    /**
     * The stems of the words, kept in a HashSet: most words of a note are in none of these sets, and a HashSet
     * rejects a word several times faster than the open-addressing table of {@code Set.copyOf}.
     */
    private static Set<String> terms(NoteAnalyzer analyzer, List<String> words) {
        Set<String> terms = new HashSet<>();
        for (String word : words) {
            analyzer.tokens(word).forEach(token -> terms.add(token.term()));
        }
        return Collections.unmodifiableSet(terms);
    }

    Set<String> filler() {
        return filler;
    }

    boolean isFiller(AnalyzedToken token) {
        return filler.contains(token.term());
    }

    /** A word that can carry a decision or a mechanism: not filler, not talk about the interview. */
    boolean isContent(AnalyzedToken token) {
        return !token.number() && !filler.contains(token.term()) && !talk.contains(token.term());
    }

    /**
     * Placeholders for cues: "noun" names counted things ("20M devices"), no unit nor a rate per second;
     * "byteunit" is any byte unit; "timeunit" any unit of time from a second up ("5 s", "a few minutes");
     * "verb" something people do with a system ("users verb": "users upload", "users book");
     * "volumeunit" a byte unit of a data set, not of a rate, a machine's memory or a working set ("15 GB", not
     * "2 GB/s", "200 GB/day", "256 GB boxes", "1.3 TB -> ~25 redis boxes" nor "working set ~20 TB");
     * "objectunit" a byte unit of one object, not of a rate ("10 KB", not "175 MB/s"); "recordunit" a byte unit
     * whose product is no rate ("200M x 100 bytes = 20 GB", not "1M x 1 KB = 1 GB/s"); and the
     * word classes of {@link #CUE_CLASSES} ("okword": ok, fine, acceptable; "readword": reads, lookups, views; ...;
     * never a filler word that shares a class word's stem: "on" is not "one"),
     * mostly for cues with a gap ("behind gap okword").
     */
    Map<String, PhraseIndex.WordClass> cuePlaceholders() {
        Map<String, PhraseIndex.WordClass> placeholders = new java.util.HashMap<>();
        cueClasses.forEach((placeholder, words) -> placeholders.put(placeholder,
                (tokens, i) -> words.contains(tokens.get(i).term()) && !FILLER.contains(tokens.get(i).surface())));
        placeholders.putAll(Map.of(
                "noun", (tokens, i) -> namesCountedThings(tokens.get(i)) && !perSecondFollows(tokens, i),
                "byteunit", (tokens, i) -> byteUnits.contains(tokens.get(i).term()),
                "timeunit", (tokens, i) -> timeUnits.contains(tokens.get(i).term()),
                "verb", (tokens, i) -> userActions.contains(tokens.get(i).term()),
                "volumeunit", (tokens, i) -> volumeUnits.contains(tokens.get(i).term()) && !perTimeFollows(tokens, i)
                        && !memoryFollows(tokens, i) && !workingSetPrecedes(tokens, i),
                "objectunit", (tokens, i) -> objectUnits.contains(tokens.get(i).term()) && !perTimeFollows(tokens, i),
                "recordunit", (tokens, i) -> byteUnits.contains(tokens.get(i).term())
                        && !rateResultFollows(tokens, i)));
        return placeholders;
    }

    /**
     * "64 GB RAM", "50 GB of memory", "2 TB Redis", "2 GB each", "256 GB boxes", "1.3 TB -> ~25 redis boxes": a
     * machine's memory, a cache's or one object's size, not a data set. Filler, an arrow and a count of
     * machines may sit between.
     */
    private boolean memoryFollows(List<AnalyzedToken> tokens, int position) {
        int next = position + 1;
        while (next < tokens.size() && next <= position + 4 && !memoryWords.contains(tokens.get(next).term())
                && (filler.contains(tokens.get(next).term()) || tokens.get(next).number()
                || NoteAnalyzer.ARROW.equals(tokens.get(next).term()))) {
            next++;
        }
        return next < tokens.size() && memoryWords.contains(tokens.get(next).term());
    }

    /**
     * "1M x 1 KB = 1 GB/s", "400M x 1KB = 400GB/day": a count times a size that makes a rate counts messages per
     * second or per day, not records stored.
     */
    private boolean rateResultFollows(List<AnalyzedToken> tokens, int position) {
        for (int next = position + 1; next <= position + 3 && next < tokens.size(); next++) {
            if (byteUnits.contains(tokens.get(next).term()) && perTimeFollows(tokens, next)) {
                return true;
            }
        }
        return false;
    }

    /** "working set ~20 TB", "hot set of 10 TB": the data kept in memory, not the data stored. */
    private static boolean workingSetPrecedes(List<AnalyzedToken> tokens, int position) {
        for (int before = position - 1; before >= 1 && before >= position - 4; before--) {
            if ("set".equals(tokens.get(before).term())) {
                String kind = tokens.get(before - 1).term();
                return "work".equals(kind) || "working".equals(kind) || "hot".equals(kind);
            }
        }
        return false;
    }

    private boolean perTimeFollows(List<AnalyzedToken> tokens, int position) {
        int next = position + 1;
        if (next < tokens.size() && rateWords.contains(tokens.get(next).term())) {
            next++;
        }
        return next < tokens.size() && next > position + 1 && timeUnits.contains(tokens.get(next).term());
    }

    private boolean namesCountedThings(AnalyzedToken token) {
        return isContent(token) && !units.contains(token.term()) && !modals.contains(token.term());
    }

    /** "50k writes per second", "20k keystroke requests per second": a rate, not a count of things. */
    private boolean perSecondFollows(List<AnalyzedToken> tokens, int position) {
        for (int next = position + 1; next <= position + 2 && next + 1 < tokens.size(); next++) {
            if (rateWords.contains(tokens.get(next).term()) && seconds.contains(tokens.get(next + 1).term())) {
                return true;
            }
        }
        return false;
    }

    boolean isVerdict(AnalyzedToken token) {
        return verdicts.contains(token.term());
    }

    private static List<String> dailyCaps() {
        List<String> caps = new ArrayList<>();
        for (String cap : List.of("max", "cap", "limited to", "limit of", "at most", "capped at")) {
            for (String counted : List.of("n", "n noun", "n noun noun")) {
                for (String day : List.of("per day", "a day")) {
                    caps.add(cap + " " + counted + " " + day);
                }
            }
        }
        return List.copyOf(caps);
    }

    boolean isKnownWord(AnalyzedToken token) {
        return filler.contains(token.term()) || talk.contains(token.term());
    }

    boolean defers(List<AnalyzedToken> tokens) {
        return deferrals.occursIn(tokens);
    }

    boolean defersLabel(String text) {
        return DEFERRED_LABEL.matcher(text).find();
    }

    List<List<AnalyzedToken>> neutralCompounds() {
        return neutralCompounds;
    }
}
