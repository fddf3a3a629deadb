package dev.whiteboard.session.metrics;

import dev.whiteboard.session.domain.BudgetStatus;
import dev.whiteboard.session.domain.EventPayload;
import dev.whiteboard.session.messaging.SessionEventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Business metrics by tenant, counted from the events of committed changes: sessions created, started,
 * completed and abandoned; phases completed under, within or over budget, and the share of the maximum
 * budget each phase used.
 */
@ApplicationScoped
public class SessionMetrics {
    private final MeterRegistry registry;

    public SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void committed(List<SessionEventEnvelope> events) {
        for (SessionEventEnvelope event : events) {
            String tenant = event.tenantId() == null ? "none" : event.tenantId();
            switch (event.type()) {
                case "session.created" -> sessions("created", tenant);
                case "session.started" -> sessions("started", tenant);
                case "session.completed" -> sessions("completed", tenant);
                case "session.abandoned" -> sessions("abandoned", tenant);
                case "phase.completed" -> phase(tenant, (EventPayload.PhaseCompleted) event.payload());
                default -> {
                    // notes, pauses and templates are not counted
                }
            }
        }
    }

    private void sessions(String what, String tenant) {
        Counter.builder("whiteboard.sessions." + what)
                .description("Sessions " + what + ", by tenant")
                .tag("tenant", tenant)
                .register(registry)
                .increment();
    }

    private void phase(String tenant, EventPayload.PhaseCompleted phase) {
        BudgetStatus budget = BudgetStatus.of(phase.elapsedSeconds(), phase.minMinutes(), phase.maxMinutes());
        Counter.builder("whiteboard.phases.completed")
                .description("Phases completed, by tenant, phase and budget status (UNDER, WITHIN, OVER)")
                .tag("tenant", tenant)
                .tag("phase", phase.phase())
                .tag("budget", budget.name())
                .register(registry)
                .increment();
        DistributionSummary.builder("whiteboard.phase.budget.used")
                .description("Active time of a completed phase as a share of its maximum budget (1 = all of it)")
                .tag("tenant", tenant)
                .tag("phase", phase.phase())
                .register(registry)
                .record(phase.elapsedSeconds() / (phase.maxMinutes() * 60.0));
        DistributionSummary.builder("whiteboard.phase.elapsed")
                .description("Active time of a completed phase, pauses excluded")
                .baseUnit("seconds")
                .tag("tenant", tenant)
                .tag("phase", phase.phase())
                .register(registry)
                .record(phase.elapsedSeconds());
    }
}
