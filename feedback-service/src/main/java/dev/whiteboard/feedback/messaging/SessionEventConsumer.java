package dev.whiteboard.feedback.messaging;

import dev.whiteboard.feedback.service.ContextExecutor;
import dev.whiteboard.feedback.service.EventIngestor;
import dev.whiteboard.feedback.service.FeedbackMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code whiteboard.session-events} a poll at a time. Messages that cannot be read go to the
 * dead-letter topic with the reason; the others are applied. The batch is acknowledged (its offsets
 * committed) only when all of that is durable.
 */
@ApplicationScoped
public class SessionEventConsumer {
    private final SessionEventParser parser;
    private final DeadLetterPublisher deadLetters;
    private final EventIngestor ingestor;
    private final FeedbackMetrics metrics;

    public SessionEventConsumer(SessionEventParser parser, DeadLetterPublisher deadLetters, EventIngestor ingestor,
                                FeedbackMetrics metrics) {
        this.parser = parser;
        this.deadLetters = deadLetters;
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        ContextExecutor context = ContextExecutor.of(Vertx.currentContext());
        List<ReceivedEvent> received = new ArrayList<>(records.count());
        Uni<Void> poison = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, String> record : records) {
            DeadLetterPublisher.Origin origin = new DeadLetterPublisher.Origin(record.topic(), record.partition(),
                    record.offset(), record.key());
            try {
                received.add(new ReceivedEvent(parser.parse(record.value()), record.value(), origin));
            } catch (PoisonEventException e) {
                String value = record.value();
                poison = poison.chain(() -> deadLetters.send(value, origin, e.getMessage(), "unreadable")
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely());
            }
        }
        long started = System.nanoTime();
        return poison.emitOn(context).chain(() -> ingestor.ingest(received))
                .invoke(() -> metrics.batch(records.count(), Duration.ofNanos(System.nanoTime() - started)));
    }
}
