package dev.whiteboard.session.rest;

import dev.whiteboard.session.domain.SessionState;
import dev.whiteboard.session.domain.SessionStatus;
import dev.whiteboard.session.service.SessionSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

@Schema(name = "Session", description = "An interview session: its status, current phase and the timing of every phase.")
public record SessionResponse(
        @Schema(examples = "0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10") UUID id,
        @Schema(examples = "IN_PROGRESS") SessionStatus status,
        @Schema(examples = "Design a URL shortener") String question,
        @Schema(examples = "acc-1") String candidateRef,
        @Schema(examples = "default") String templateId,
        @Schema(examples = "1") int templateVersion,
        @Schema(description = "Key of the current phase; null before the start", examples = "capacity") String currentPhase,
        @Schema(description = "Changes with every write; the ETag is this number in quotes", examples = "4") long revision,
        @Schema(description = "Sequence of the session's latest event", examples = "6") long lastSequence,
        @Schema(examples = "1") int noteCount,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant endedAt,
        List<PhaseResponse> phases) {

    public static SessionResponse of(SessionSnapshot session, Instant now) {
        SessionState state = session.state();
        List<PhaseResponse> phases = IntStream.range(0, state.phases().size())
                .mapToObj(i -> PhaseResponse.of(state, i, now)).toList();
        return new SessionResponse(session.id(), state.status(), session.question(), session.candidateRef(),
                session.templateId(), session.templateVersion(), state.current().map(p -> p.key()).orElse(null),
                session.revision(), session.lastSequence(), session.noteCount(), session.createdAt(),
                session.updatedAt(), session.startedAt(), session.endedAt(), phases);
    }
}
