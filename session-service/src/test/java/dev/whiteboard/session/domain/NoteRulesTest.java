package dev.whiteboard.session.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NoteRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final NoteRules.Limits LIMITS = new NoteRules.Limits(100, 3);

    private static SessionState created() {
        return SessionState.created(List.of(
                PhaseTiming.pending("requirements", "Requirements", 1, 1, 2),
                PhaseTiming.pending("capacity", "Capacity", 2, 3, 3),
                PhaseTiming.pending("deep-dive", "Deep dive", 3, 15, 20)));
    }

    private static SessionState inCapacity() {
        SessionState running = SessionTransitions.apply(created(), SessionAction.START, T0).state();
        return SessionTransitions.apply(running, SessionAction.ADVANCE, T0.plusSeconds(60)).state();
    }

    private static RuleViolation refusal(Runnable check) {
        try {
            check.run();
        } catch (RuleViolation violation) {
            return violation;
        }
        throw new AssertionError("the note was accepted");
    }

    @Test
    void acceptsNotesForTheCurrentAndEarlierPhases() {
        SessionState session = inCapacity();

        assertThat(NoteRules.check(session, 0, "requirements", "late thought", null, LIMITS)).isNull();
        assertThat(NoteRules.check(session, 0, "capacity", "now", null, LIMITS)).isNull();
    }

    @Test
    void refusesNotesOutsideARunningOrPausedSessionOrForAPhaseNotReached() {
        assertThat(refusal(() -> NoteRules.check(created(), 0, "requirements", "x", null, LIMITS)).reason())
                .isEqualTo(RuleViolation.Reason.CONFLICT);
        RuleViolation future = refusal(() -> NoteRules.check(inCapacity(), 0, "deep-dive", "x", null, LIMITS));
        assertThat(future.reason()).isEqualTo(RuleViolation.Reason.CONFLICT);
        assertThat(future).hasMessageContaining("has not started");
        SessionState paused = SessionTransitions.apply(inCapacity(), SessionAction.PAUSE, T0.plusSeconds(70)).state();
        assertThat(NoteRules.check(paused, 0, "capacity", "while paused", null, LIMITS)).isNull();
    }

    @Test
    void enforcesTheTextAndCountLimits() {
        RuleViolation tooLong = refusal(() -> NoteRules.check(inCapacity(), 0, "capacity", "x".repeat(101), null, LIMITS));
        assertThat(tooLong.reason()).isEqualTo(RuleViolation.Reason.TOO_LARGE);
        assertThat(tooLong.problems()).extracting(RuleViolation.FieldProblem::field).containsExactly("text");
        assertThat(NoteRules.check(inCapacity(), 0, "capacity", "x".repeat(100), null, LIMITS)).isNull();
        assertThat(refusal(() -> NoteRules.check(inCapacity(), 3, "capacity", "x", null, LIMITS)).reason())
                .isEqualTo(RuleViolation.Reason.CONFLICT);
        assertThat(refusal(() -> NoteRules.check(inCapacity(), 0, "capacity", " ", null, LIMITS)).problems())
                .extracting(RuleViolation.FieldProblem::field).containsExactly("text");
        assertThat(refusal(() -> NoteRules.check(inCapacity(), 0, "nope", "x", null, LIMITS)).problems())
                .extracting(RuleViolation.FieldProblem::field).containsExactly("phase");
    }

    @Test
    void normalisesAnEstimateInTheCapacityPhase() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dailyActiveUsers", 100_000_000);
        inputs.put("readsPerWrite", 2.5);
        inputs.put("per", "day");
        Estimate estimate = NoteRules.check(inCapacity(), 0, "capacity", "QPS is about 1000",
                new Estimate(inputs, Map.of("writeQps", new BigDecimal("1000"))), LIMITS);

        assertThat(estimate.inputs()).containsExactly(
                Map.entry("dailyActiveUsers", new BigDecimal("100000000")),
                Map.entry("readsPerWrite", new BigDecimal("2.5")),
                Map.entry("per", "DAY"));
        assertThat(estimate.candidate()).containsEntry("writeQps", new BigDecimal("1000"));
    }

    @Test
    void refusesEstimatesOutsideTheCapacityPhaseOrInAnotherShape() {
        Estimate valid = new Estimate(Map.of("writes", 5), Map.of("writeQps", BigDecimal.ONE));
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "requirements", "x", valid, LIMITS)))
                .isEqualTo("estimate");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of("users", 5), Map.of("writeQps", BigDecimal.ONE)), LIMITS)))
                .isEqualTo("estimate.inputs.users");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of("writes", -1), Map.of("writeQps", BigDecimal.ONE)), LIMITS)))
                .isEqualTo("estimate.inputs.writes");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of("per", "WEEK"), Map.of("writeQps", BigDecimal.ONE)), LIMITS)))
                .isEqualTo("estimate.inputs.per");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of("writes", 5), Map.of("qps", BigDecimal.ONE)), LIMITS)))
                .isEqualTo("estimate.candidate.qps");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of("writes", 5), Map.of("writeQps", new BigDecimal("-2"))), LIMITS)))
                .isEqualTo("estimate.candidate.writeQps");
        assertThat(field(() -> NoteRules.check(inCapacity(), 0, "capacity", "x",
                new Estimate(Map.of(), Map.of("writeQps", BigDecimal.ONE)), LIMITS)))
                .isEqualTo("estimate.inputs");
    }

    private static String field(Runnable check) {
        RuleViolation violation = refusal(check);
        assertThat(violation.reason()).isEqualTo(RuleViolation.Reason.INVALID);
        return violation.problems().get(0).field();
    }
}
