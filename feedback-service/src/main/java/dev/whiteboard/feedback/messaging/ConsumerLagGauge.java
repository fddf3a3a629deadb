package dev.whiteboard.feedback.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumer lag of {@code whiteboard.session-events}: records on the broker not yet consumed by this
 * instance, summed over its partitions and its concurrent consumers, as they last saw it.
 */
@ApplicationScoped
public class ConsumerLagGauge {
    static final String CHANNEL = "session-events";

    private final KafkaClientService kafka;
    private final AtomicLong lag = new AtomicLong();

    public ConsumerLagGauge(KafkaClientService kafka, MeterRegistry registry) {
        this.kafka = kafka;
        Gauge.builder("feedback.consumer.lag", lag, AtomicLong::get)
                .description("Records of whiteboard.session-events not yet consumed, over this instance's partitions")
                .register(registry);
    }

    @Scheduled(every = "${wb.feedback.lag-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        List<Uni<Long>> lags = new ArrayList<>();
        for (String channel : kafka.getConsumerChannels()) {
            if (!channel.equals(CHANNEL) && !channel.startsWith(CHANNEL + "$")) {
                continue;
            }
            for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
                lags.add(consumer.runOnPollingThread(c -> {
                    long total = 0;
                    for (TopicPartition partition : c.assignment()) {
                        OptionalLong partitionLag = c.currentLag(partition);
                        total += partitionLag.orElse(0);
                    }
                    return total;
                }));
            }
        }
        if (lags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(lags).andFailFast()
                .invoke(values -> lag.set(values.stream().mapToLong(Long::longValue).sum()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
