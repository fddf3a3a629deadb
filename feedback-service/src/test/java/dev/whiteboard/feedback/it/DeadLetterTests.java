package dev.whiteboard.feedback.it;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FeedbackApi;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class DeadLetterTests {
    private static final String DEAD_LETTERS = "whiteboard.session-events.dlq";

    @Inject
    ApiKeyDirectory directory;

    @Test
    void poisonMessagesLandInTheDeadLetterTopicWithTheirReasonAndTheStreamGoesOn() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview interview = Interview.newsFeed(tenant, "acc-dlq", 10_000);
        String key = interview.sessionId().toString();
        String notJson = "this is not an event " + UUID.randomUUID();
        String noTenant = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"note.added\",\"schemaVersion\":1,"
                + "\"sessionId\":\"" + key + "\",\"sequence\":99,\"occurredAt\":\"2026-11-28T09:00:00Z\","
                + "\"payload\":{\"noteId\":\"x\",\"phase\":\"deep-dive\",\"text\":\"lost\"}}";

        double deadLetteredBefore = InterviewFeedbackTests.metric("feedback_events_dead_lettered_total");
        try (EventProducer producer = new EventProducer()) {
            producer.send(key, notJson);
            producer.send(key, noTenant);
            producer.send(key, interview.events());
        }

        api.awaitFinal(interview.sessionId(), Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> dead = deadLetters(2, notJson, noTenant);
        ConsumerRecord<String, String> unreadable = dead.stream().filter(r -> r.value().equals(notJson)).findFirst()
                .orElseThrow();
        assertThat(header(unreadable, "reason")).startsWith("the message is not JSON");
        assertThat(unreadable.key()).isEqualTo(key);
        assertThat(header(unreadable, "dead-letter-topic")).isEqualTo(EventProducer.TOPIC);
        ConsumerRecord<String, String> tenantless = dead.stream().filter(r -> r.value().equals(noTenant)).findFirst()
                .orElseThrow();
        assertThat(header(tenantless, "reason")).isEqualTo("tenantId is required for session events");
        assertThat(InterviewFeedbackTests.metric("feedback_events_dead_lettered_total"))
                .isGreaterThanOrEqualTo(deadLetteredBefore + 2);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(int expected, String... values) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        List<String> wanted = List.of(values);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            TopicPartition partition = new TopicPartition(DEAD_LETTERS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(r.value())) {
                        found.add(r);
                    }
                }
            }
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
