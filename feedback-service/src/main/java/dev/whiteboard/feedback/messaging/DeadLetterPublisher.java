package dev.whiteboard.feedback.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Writes messages that can never be applied to {@code whiteboard.session-events.dlq}, as they came, with
 * the reason and their origin in headers. The send completes when Kafka has the record, so the consumer
 * commits past a poison message only once it is safely dead-lettered.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    public static final String REASON_HEADER = "reason";

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry registry;

    public DeadLetterPublisher(@Channel("session-events-dlq") MutinyEmitter<String> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
    }

    /** Where a dead letter came from. */
    public record Origin(String topic, int partition, long offset, String key) {
    }

    public Uni<Void> send(String value, Origin origin, String reason, String kind) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, bytes(reason));
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(origin.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(origin.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(origin.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(origin.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(value == null ? "" : value).addMetadata(metadata))
                .invoke(() -> {
                    registry.counter("feedback.events.dead.lettered", "kind", kind).increment();
                    Log.warnf("dead-lettered the record at %s-%d@%d: %s", origin.topic(), origin.partition(),
                            origin.offset(), reason);
                });
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
