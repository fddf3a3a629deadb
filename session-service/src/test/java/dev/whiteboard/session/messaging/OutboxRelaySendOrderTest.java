package dev.whiteboard.session.messaging;

import dev.whiteboard.session.repository.OutboxBatches;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay hands events to the producer in outbox order and stops after one the producer gave up on at once. */
class OutboxRelaySendOrderTest {
    private static final String TOPIC = "whiteboard.session-events";

    private final List<OutboxBatches.Pending> pending = List.of(
            new OutboxBatches.Pending(1, "session-a", "created"),
            new OutboxBatches.Pending(2, "session-a", "started"),
            new OutboxBatches.Pending(3, "session-a", "completed"));

    @Test
    void stopsAfterAnEventTheProducerFailedAtOnce() {
        List<String> handedOver = new ArrayList<>();
        Producer<String, String> kafka = producer(handedOver, Set.of("started"), Set.of());
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        OutboxRelay.sendInOrder(kafka, TOPIC, pending, sent);

        assertThat(handedOver).containsExactly("created", "started");
        assertThat(sent).hasSize(2);
        assertThat((CompletableFuture<RecordMetadata>) sent.get(1)).isCompletedExceptionally();
    }

    @Test
    void handsOverEveryEventWhileTheirSendsAreStillInFlight() {
        List<String> handedOver = new ArrayList<>();
        Producer<String, String> kafka = producer(handedOver, Set.of(), Set.of("created", "started", "completed"));
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        OutboxRelay.sendInOrder(kafka, TOPIC, pending, sent);

        assertThat(handedOver).containsExactly("created", "started", "completed");
        assertThat(sent).hasSize(3).allMatch(future -> !future.isDone());
    }

    @Test
    void handsOverEveryEventThatWasAcknowledgedAtOnce() {
        List<String> handedOver = new ArrayList<>();
        Producer<String, String> kafka = producer(handedOver, Set.of(), Set.of());
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        OutboxRelay.sendInOrder(kafka, TOPIC, pending, sent);

        assertThat(handedOver).containsExactly("created", "started", "completed");
        assertThat(sent).allMatch(future -> future.isDone() && !((CompletableFuture<?>) future).isCompletedExceptionally());
    }

    /**
     * A producer whose send fails at once for the values in {@code failing} (as KafkaProducer does when it
     * finds no metadata within max.block.ms), leaves those in {@code pending} in flight, and acknowledges the rest.
     */
    @SuppressWarnings("unchecked")
    private static Producer<String, String> producer(List<String> handedOver, Set<String> failing, Set<String> pending) {
        return (Producer<String, String>) Proxy.newProxyInstance(OutboxRelaySendOrderTest.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("send") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    ProducerRecord<String, String> record = (ProducerRecord<String, String>) args[0];
                    handedOver.add(record.value());
                    if (failing.contains(record.value())) {
                        return CompletableFuture.failedFuture(
                                new TimeoutException("Topic " + TOPIC + " not present in metadata after 5000 ms."));
                    }
                    if (pending.contains(record.value())) {
                        return new CompletableFuture<RecordMetadata>();
                    }
                    return CompletableFuture.completedFuture(
                            new RecordMetadata(new TopicPartition(TOPIC, 0), 0, 0, 0, 0, 0));
                });
    }
}
