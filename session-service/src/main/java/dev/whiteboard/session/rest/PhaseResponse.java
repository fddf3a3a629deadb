package dev.whiteboard.session.rest;

import dev.whiteboard.session.domain.BudgetStatus;
import dev.whiteboard.session.domain.PhaseTiming;
import dev.whiteboard.session.domain.SessionState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Phase", description = "One phase of a session with its timing on the server's clock.")
public record PhaseResponse(
        @Schema(examples = "requirements") String key,
        @Schema(examples = "Gather requirements") String title,
        @Schema(examples = "1") int order,
        @Schema(description = "PENDING (not reached), RUNNING or ENDED", examples = "ENDED") Progress progress,
        @Schema(examples = "2026-11-28T10:00:00Z") Instant startedAt,
        @Schema(examples = "2026-11-28T10:01:42Z") Instant endedAt,
        @Schema(description = "Active time, pauses excluded", examples = "102") long elapsedSeconds,
        @Schema(description = "Budget: at least this many minutes", examples = "1") int minMinutes,
        @Schema(description = "Budget: at most this many minutes", examples = "2") int maxMinutes,
        @Schema(description = "Elapsed time against the budget; null before the phase starts", examples = "WITHIN")
        BudgetStatus budgetStatus) {

    public enum Progress { PENDING, RUNNING, ENDED }

    static PhaseResponse of(SessionState state, int index, Instant now) {
        PhaseTiming phase = state.phases().get(index);
        Progress progress = !phase.started() ? Progress.PENDING : phase.ended() ? Progress.ENDED : Progress.RUNNING;
        return new PhaseResponse(phase.key(), phase.title(), phase.order(), progress, phase.startedAt(),
                phase.endedAt(), state.elapsedSeconds(index, now), phase.minMinutes(), phase.maxMinutes(),
                state.budgetStatus(index, now).orElse(null));
    }
}
