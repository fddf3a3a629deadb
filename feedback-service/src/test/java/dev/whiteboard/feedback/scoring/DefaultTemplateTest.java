package dev.whiteboard.feedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.whiteboard.feedback.scoring.TemplateSpec.ChecklistItemSpec;
import dev.whiteboard.feedback.scoring.TemplateSpec.PhaseSpec;

/** The default template follows the reference: six phases with their budgets, every topic an item. */
class DefaultTemplateTest {

    private final TemplateSpec template = CoverageFixtures.defaultTemplate();

    @Test
    void hasTheSixPhasesWithTheirBudgets() {
        assertThat(template.id()).isEqualTo("default");
        assertThat(template.phases())
                .extracting(PhaseSpec::key, PhaseSpec::order, PhaseSpec::minMinutes, PhaseSpec::maxMinutes)
                .containsExactly(
                        tuple("requirements", 1, 1, 2),
                        tuple("functional-nonfunctional", 2, 5, 5),
                        tuple("capacity", 3, 3, 3),
                        tuple("high-level-design", 4, 5, 10),
                        tuple("data-model", 5, 5, 5),
                        tuple("deep-dive", 6, 15, 20));
    }

    @Test
    void coversEveryTopicOfTheReferenceWithUniqueKebabCaseKeys() {
        List<String> keys = items().stream().map(ChecklistItemSpec::key).toList();

        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(keys).containsExactlyInAnyOrder(
                "users-and-usage", "low-latency", "read-write-pattern", "stale-data", "read-your-writes",
                "push-notifications", "scale", "open-source-and-cost",
                "api-actions", "abuse-prevention", "availability-vs-consistency", "scalability",
                "performance-latency", "durability",
                "events-per-day", "qps", "read-write-split", "storage-estimate", "bandwidth", "cache-estimate",
                "data-flow-per-operation", "stateless-web-tier",
                "record-count", "object-size", "relationships", "sql-vs-nosql",
                "sharding-key", "hot-partitions", "consistent-hashing", "replication", "message-queues-and-batching",
                "cache-eviction", "cache-loading", "cache-consistency", "load-balancers", "communication",
                "error-handling", "cdn", "logging-and-metrics");
    }

    @Test
    void everyItemHasAPromptAHintAndDistinctCues() {
        for (ChecklistItemSpec item : items()) {
            assertThat(item.prompt()).as(item.key() + " prompt").isNotBlank();
            assertThat(item.hint()).as(item.key() + " hint").isNotBlank().doesNotContain("\n");
            assertThat(item.cues()).as(item.key() + " cues").isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(cue -> !cue.isBlank() && cue.equals(cue.strip()));
        }
    }

    @Test
    void everyCueIsMadeOfWordsTheAnalyzerKeeps() {
        NoteAnalyzer analyzer = new NoteAnalyzer();
        Set<String> emptyCues = new HashSet<>();
        items().forEach(item -> item.cues().stream().filter(cue -> analyzer.tokens(cue).isEmpty())
                .forEach(emptyCues::add));

        assertThat(emptyCues).isEmpty();
    }

    private List<ChecklistItemSpec> items() {
        return template.phases().stream().flatMap(phase -> phase.checklist().stream()).toList();
    }
}
