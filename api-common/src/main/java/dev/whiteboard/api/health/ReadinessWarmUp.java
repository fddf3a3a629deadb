package dev.whiteboard.api.health;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * Runs the readiness checks once while the service is still starting, on a thread of its own. The first
 * run of a check pays for its client (the Kafka admin client, a JDBC connection, the Redis connection)
 * and the classes behind it; doing that beside the rest of the start-up, not in the first request of an
 * orchestrator's probe, makes a service ready sooner. The observer runs before the other start-up
 * observers so that their work overlaps it.
 */
@ApplicationScoped
public class ReadinessWarmUp {

    private static final Logger LOG = Logger.getLogger(ReadinessWarmUp.class);

    void warmUp(@Observes @Priority(1) StartupEvent event, SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "wb.health.warm-up-at-start", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                LOG.debugf("readiness at start-up: %s", reporter.getReadiness().isDown() ? "DOWN" : "UP");
            } catch (RuntimeException e) {
                LOG.debugf(e, "readiness at start-up failed");
            }
        }, "readiness-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
