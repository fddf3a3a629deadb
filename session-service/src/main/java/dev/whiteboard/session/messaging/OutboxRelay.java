package dev.whiteboard.session.messaging;

import dev.whiteboard.session.config.SessionConfig;
import dev.whiteboard.session.repository.OutboxBatches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka on a thread of its own: oldest first, keyed by session id, with
 * acks=all and an idempotent producer, so the events of a session reach their partition in sequence
 * order. Rows are marked published only after Kafka acknowledged them, and only the acknowledged prefix
 * of a batch: anything after a failure is sent again (consumers deduplicate by eventId), never out of
 * order. While Kafka is unreachable the relay retries with exponential backoff and jitter; the API
 * keeps writing to the outbox meanwhile.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(2);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);

    private final OutboxBatches batches;
    private final SessionConfig.Outbox config;
    private final Duration idempotencyRetention;
    private final String bootstrapServers;
    private final SessionChangeFeed feed;
    private final MeterRegistry registry;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private long nextBacklogRefresh;
    private long nextSweep;

    public OutboxRelay(OutboxBatches batches, SessionConfig config, SessionChangeFeed feed, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.batches = batches;
        this.config = config.outbox();
        this.idempotencyRetention = config.idempotencyRetention();
        this.feed = feed;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("whiteboard.outbox.backlog", backlog, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("whiteboard.outbox.oldest.age", oldestAgeMillis, age -> age.get() / 1000.0)
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
        feed.onAnyChange(this::wake);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
        closeProducer(Duration.ofSeconds(5));
    }

    /** Looks at the outbox now rather than at the next poll. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        int failures = 0;
        while (running) {
            boolean moreWaiting = false;
            try {
                OutboxBatches.Round round = batches.relay(config.batchSize(), this::publish);
                if (round.published() < round.fetched()) {
                    failures++;
                } else {
                    failures = 0;
                    moreWaiting = round.relayed() && round.fetched() == config.batchSize();
                }
            } catch (Exception e) {
                failures++;
                Log.warnf("outbox relay round failed (%d in a row): %s", failures, e.getMessage());
            }
            housekeeping();
            if (!moreWaiting) {
                pause(failures == 0 ? config.pollInterval() : backoff(failures));
            }
        }
    }

    /** Sends in outbox order and returns the ids of the acknowledged prefix. */
    private List<Long> publish(List<OutboxBatches.Pending> pending) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            sendInOrder(producer(), config.topic(), pending, sent);
        } catch (RuntimeException e) {
            Log.warnf("Kafka refused event %d of %d: %s", sent.size() + 1, pending.size(), e.getMessage());
        }
        List<Long> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(pending.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                Log.warnf("Kafka did not acknowledge event %d of %d: %s", i + 1, pending.size(), e.getMessage());
                break;
            }
        }
        if (acknowledged.size() < pending.size()) {
            // a fresh producer next round: nothing still in flight can land after the retried events
            closeProducer(Duration.ZERO);
        }
        return acknowledged;
    }

    /**
     * Hands the events to the producer in outbox order and stops after one that failed at once: the producer
     * gives up on a record it could not place within max.block.ms (no metadata while Kafka was down) without
     * sending it, and an event handed over after that one could reach the partition ahead of it once Kafka is
     * back, so that a session's events would arrive out of sequence.
     */
    static void sendInOrder(Producer<String, String> kafka, String topic, List<OutboxBatches.Pending> pending,
                            List<Future<RecordMetadata>> sent) {
        for (OutboxBatches.Pending event : pending) {
            Future<RecordMetadata> future = kafka.send(new ProducerRecord<>(topic, event.kafkaKey(), event.envelope()));
            sent.add(future);
            if (failedAlready(future)) {
                return;
            }
        }
    }

    private static boolean failedAlready(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "session-outbox-relay");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(10_000, config.ackTimeout().toMillis() - 1_000));
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                Log.debugf("closing the Kafka producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    /** Exponential backoff with jitter: between half and all of initial x 2^(failures-1), capped. */
    private Duration backoff(int failures) {
        long ceiling = Math.min(config.maxBackoff().toMillis(),
                config.initialBackoff().toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void pause(Duration duration) {
        try {
            if (wakeups.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void housekeeping() {
        long now = System.nanoTime();
        try {
            if (now - nextBacklogRefresh >= 0) {
                nextBacklogRefresh = now + BACKLOG_REFRESH.toNanos();
                OutboxBatches.Backlog current = batches.backlog();
                backlog.set(current.events());
                oldestAgeMillis.set(current.oldestAge().toMillis());
            }
            if (now - nextSweep >= 0) {
                nextSweep = now + SWEEP_INTERVAL.toNanos();
                int deleted = batches.deleteExpired(config.retention(), idempotencyRetention);
                if (deleted > 0) {
                    Log.debugf("deleted %d expired outbox and idempotency rows", deleted);
                }
            }
        } catch (Exception e) {
            Log.debugf("outbox housekeeping failed: %s", e.getMessage());
        }
    }
}
