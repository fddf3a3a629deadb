package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The classic capacity questions, worked out once. Inputs follow the usual published walk-throughs. */
public final class ScenarioCatalog {
    private final List<Scenario> scenarios;

    public ScenarioCatalog(Estimator estimator) {
        this.scenarios = List.of(
                scenario(estimator, "url-shortener", "URL shortener",
                        "Design a URL shortening service like TinyURL or bit.ly.",
                        EstimateInputs.builder().writes(n("500000000")).per(Period.MONTH).readsPerWrite(n("100"))
                                .writeSizeBytes(n("500")).readSizeBytes(n("500")).retentionYears(n("5"))
                                .convention(TimeConvention.ROUNDED_MONTH).shardCapacityBytes(n("1000000000000")),
                        List.of("500 million new short URLs a month",
                                "100 redirects for every URL created (read-heavy)",
                                "about 500 bytes a record: long URL, short key, owner, dates",
                                "links kept 5 years; shards of 1 TB",
                                "a month is 2.5 million seconds, as the usual walk-through rounds it")),
                scenario(estimator, "paste-bin", "Paste bin",
                        "Design a text-sharing service like Pastebin.",
                        EstimateInputs.builder().writes(n("1000000")).per(Period.DAY).readsPerWrite(n("5"))
                                .writeSizeBytes(n("10000")).retentionYears(n("10")),
                        List.of("1 million new pastes a day", "5 reads for every paste",
                                "an average paste is 10 KB of text", "pastes kept 10 years")),
                scenario(estimator, "news-feed", "News feed",
                        "Design the news feed of a social network like Facebook or Twitter.",
                        EstimateInputs.builder().dailyActiveUsers(n("300000000")).writesPerUserPerDay(n("2"))
                                .readsPerWrite(n("50")).writeSizeBytes(n("1000")).retentionYears(n("5"))
                                .replicationFactor(n("3")).peakFactor(n("2")).serverCapacityQps(n("10000")),
                        List.of("300 million daily active users, each posting twice a day",
                                "each user opens the feed 5 times a day and sees 20 posts: 100 post reads "
                                        + "for 2 posts written, 50 reads per write",
                                "a post with its metadata is about 1 KB (media stored apart)",
                                "3 replicas kept 5 years; peak traffic twice the average",
                                "a feed server handles 10,000 requests a second")),
                scenario(estimator, "chat", "Chat",
                        "Design a chat service like WhatsApp or Facebook Messenger.",
                        EstimateInputs.builder().dailyActiveUsers(n("500000000")).writesPerUserPerDay(n("40"))
                                .readsPerWrite(n("1")).writeSizeBytes(n("100")).retentionYears(n("5"))
                                .replicationFactor(n("3")).peakFactor(n("3")).serverCapacityQps(n("50000")),
                        List.of("500 million daily active users sending 40 messages a day",
                                "each message is delivered and read once (one-to-one chats)",
                                "a message is about 100 bytes of text and metadata",
                                "history kept 5 years in 3 replicas; evening peaks 3x the average",
                                "a connection server relays 50,000 messages a second")),
                scenario(estimator, "web-crawler", "Web crawler",
                        "Design a web crawler that downloads a billion pages a month for a search engine.",
                        EstimateInputs.builder().writes(n("1000000000")).per(Period.MONTH).readsPerWrite(n("1"))
                                .writeSizeBytes(n("500000")).retentionYears(n("5")).peakFactor(n("2"))
                                .convention(TimeConvention.EXACT),
                        List.of("1 billion pages downloaded a month",
                                "an average page is 500 KB of HTML",
                                "each stored page is read once by the indexer",
                                "pages kept 5 years; peak crawl rate twice the average",
                                "exact 86,400-second days, as the usual walk-through counts them")),
                scenario(estimator, "video-streaming", "Video streaming",
                        "Design a video-sharing and streaming service like YouTube.",
                        EstimateInputs.builder().dailyActiveUsers(n("5000000")).writesPerUserPerDay(n("0.1"))
                                .readsPerWrite(n("50")).writeSizeBytes(n("300000000")).retentionYears(n("5"))
                                .replicationFactor(n("3")).peakFactor(n("2")).cacheFraction(n("0.2")),
                        List.of("5 million daily active users; 10% of them upload one video a day",
                                "each user watches 5 videos a day: 50 views for every upload",
                                "an average video is 300 MB once encoded",
                                "videos kept 5 years in 3 replicas; peak twice the average",
                                "a CDN caches the most-watched 20% of a day's views")),
                scenario(estimator, "photo-sharing", "Photo sharing",
                        "Design a photo-sharing service like Instagram.",
                        EstimateInputs.builder().dailyActiveUsers(n("500000000")).writesPerUserPerDay(n("0.2"))
                                .readsPerWrite(n("100")).writeSizeBytes(n("200000")).retentionYears(n("10"))
                                .replicationFactor(n("3")).peakFactor(n("2")),
                        List.of("500 million daily active users; one in five posts a photo a day",
                                "100 photo views for every upload",
                                "an average photo is 200 KB after compression",
                                "photos kept 10 years in 3 replicas; peak twice the average")));
    }

    public List<Scenario> all() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Scenario scenario(Estimator estimator, String id, String title, String question,
                                     EstimateInputs.Builder inputs, List<String> assumptions) {
        EstimateInputs built = inputs.build();
        return new Scenario(id, title, question, built, assumptions, estimator.estimate(built));
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }
}
