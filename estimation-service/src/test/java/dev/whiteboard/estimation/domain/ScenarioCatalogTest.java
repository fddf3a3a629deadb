package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioCatalogTest {
    private final ScenarioCatalog catalog = new ScenarioCatalog(new Estimator());

    @Test
    void theClassicQuestionsAreThere() {
        assertThat(catalog.all()).extracting(Scenario::id).contains("url-shortener", "paste-bin", "news-feed", "chat",
                "web-crawler", "video-streaming");
        assertThat(catalog.all()).allSatisfy(scenario -> {
            assertThat(scenario.assumptions()).isNotEmpty();
            assertThat(scenario.question()).endsWith(".");
            assertThat(scenario.estimate().figures()).containsKeys(FigureKey.WRITE_QPS, FigureKey.STORAGE_TOTAL_BYTES);
        });
    }

    @Test
    void urlShortenerMatchesTheUsualWalkThrough() {
        Estimate estimate = catalog.find("url-shortener").orElseThrow().estimate();
        // 500 M new URLs a month over 2.5 M s: 200 URLs/s, 20,000 redirects/s, about 15 TB in 5 years
        assertThat(estimate.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("200");
        assertThat(estimate.figure(FigureKey.READ_QPS).value()).isEqualByComparingTo("20000");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).decimal()).isEqualTo("15.2 TB");
        assertThat(estimate.figure(FigureKey.SHARDS).value()).isEqualByComparingTo("16");
    }

    @Test
    void crawlerAndVideoMatchTheirWalkThroughs() {
        Estimate crawler = catalog.find("web-crawler").orElseThrow().estimate();
        assertThat(crawler.figure(FigureKey.WRITE_QPS).decimal()).isEqualTo("386 writes/s");
        assertThat(crawler.figure(FigureKey.STORAGE_TOTAL_BYTES).decimal()).isEqualTo("30.4 PB");

        Estimate video = catalog.find("video-streaming").orElseThrow().estimate();
        assertThat(video.figure(FigureKey.STORAGE_PER_DAY_BYTES).decimal()).isEqualTo("150 TB");
    }

    @Test
    void unknownIdsAreAbsent() {
        assertThat(catalog.find("uber")).isEmpty();
    }
}
