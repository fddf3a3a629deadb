package dev.whiteboard.session.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Reads whole {@code whiteboard.session-events} with a plain consumer and groups the events by Kafka key. */
public final class PublishedEvents {
    public static final String TOPIC = "whiteboard.session-events";

    /** One consumed message. */
    public record Message(String key, int partition, long offset, JsonNode value, String raw) {
    }

    private PublishedEvents() {
    }

    /**
     * Polls from the start of every partition until {@code wanted} keys each have at least their expected
     * number of distinct events (by eventId), or the timeout passes; returns every message of those keys
     * in partition order.
     */
    public static Map<String, List<Message>> read(String bootstrapServers, Map<String, Integer> wanted, Duration timeout) {
        ObjectMapper json = new ObjectMapper();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<Message>> byKey = new LinkedHashMap<>();
        wanted.keySet().forEach(key -> byKey.put(key, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !complete(byKey, wanted)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    List<Message> messages = byKey.get(record.key());
                    if (messages != null) {
                        messages.add(new Message(record.key(), record.partition(), record.offset(),
                                json.readTree(record.value()), record.value()));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a published event is not JSON", e);
        }
        return byKey;
    }

    private static boolean complete(Map<String, List<Message>> byKey, Map<String, Integer> wanted) {
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            Set<String> distinct = new HashSet<>();
            byKey.get(entry.getKey()).forEach(m -> distinct.add(m.value().path("eventId").asText()));
            if (distinct.size() < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The messages a consumer that drops repeated eventIds keeps, in order. */
    public static List<Message> firstSeen(List<Message> messages) {
        Set<String> seen = new HashSet<>();
        return messages.stream().filter(m -> seen.add(m.value().path("eventId").asText())).toList();
    }

    /** The sequences in the order a consumer that drops repeated eventIds sees them. */
    public static List<Long> firstSeenSequences(List<Message> messages) {
        return firstSeen(messages).stream().map(m -> m.value().path("sequence").asLong()).toList();
    }
}
