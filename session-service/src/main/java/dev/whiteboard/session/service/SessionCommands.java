package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.config.SessionConfig;
import dev.whiteboard.session.domain.Estimate;
import dev.whiteboard.session.domain.EventPayload;
import dev.whiteboard.session.domain.NoteRules;
import dev.whiteboard.session.domain.RuleViolation;
import dev.whiteboard.session.domain.SessionAction;
import dev.whiteboard.session.domain.SessionStatus;
import dev.whiteboard.session.domain.SessionTransitions;
import dev.whiteboard.session.domain.Template;
import dev.whiteboard.session.repository.NoteEntity;
import dev.whiteboard.session.repository.NoteRepository;
import dev.whiteboard.session.repository.PhaseTimings;
import dev.whiteboard.session.repository.SessionEntity;
import dev.whiteboard.session.repository.SessionRepository;
import dev.whiteboard.session.repository.TemplateEntity;
import dev.whiteboard.session.repository.TemplateRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The changes to sessions, each in one transaction with its outbox events. A session is locked for the
 * length of its change, so its changes, revisions and event sequence numbers follow one another.
 */
@ApplicationScoped
public class SessionCommands {
    private final SessionRepository sessions;
    private final NoteRepository notes;
    private final TemplateRepository templates;
    private final EventOutbox outbox;
    private final NoteRules.Limits noteLimits;

    public SessionCommands(SessionRepository sessions, NoteRepository notes, TemplateRepository templates,
                           EventOutbox outbox, SessionConfig config) {
        this.sessions = sessions;
        this.notes = notes;
        this.templates = templates;
        this.outbox = outbox;
        this.noteLimits = new NoteRules.Limits(config.notes().maxTextChars(), config.notes().maxPerSession());
    }

    @WithTransaction
    public Uni<Changed<SessionSnapshot>> create(String tenantId, NewSession request, Instant now) {
        return template(tenantId, request).chain(template -> {
            SessionEntity session = new SessionEntity();
            session.id = UUID.randomUUID();
            session.tenantId = tenantId;
            session.question = request.question().strip();
            session.candidateRef = request.candidateRef().strip();
            session.templateId = template.id;
            session.templateVersion = template.version;
            session.status = SessionStatus.CREATED;
            session.timing = new PhaseTimings(template.definition.pendingPhases());
            session.revision = 1;
            session.createdAt = now;
            session.updatedAt = now;
            EventPayload created = new EventPayload.SessionCreated(session.question, session.candidateRef,
                    template.id, template.version);
            return sessions.persist(session)
                    .chain(() -> outbox.appendForSession(session, List.of(created), now))
                    .map(events -> new Changed<>(SessionSnapshot.of(session), events));
        });
    }

    @WithTransaction
    public Uni<Changed<SessionSnapshot>> act(String tenantId, UUID id, SessionAction action, String ifMatch,
                                             Instant now) {
        return locked(tenantId, id, ifMatch).chain(session -> {
            SessionTransitions.Transition transition = SessionTransitions.apply(session.state(), action, now);
            session.apply(transition.state());
            if (action == SessionAction.START) {
                session.startedAt = now;
            }
            if (session.status.finished()) {
                session.endedAt = now;
            }
            touch(session, now);
            return outbox.appendForSession(session, transition.events(), now)
                    .map(events -> new Changed<>(SessionSnapshot.of(session), events));
        });
    }

    @WithTransaction
    public Uni<Changed<NoteSnapshot>> addNote(String tenantId, UUID id, NewNote request, String ifMatch, Instant now) {
        return locked(tenantId, id, ifMatch).chain(session -> {
            Estimate estimate = NoteRules.check(session.state(), session.noteCount, request.phase(), request.text(),
                    request.estimate(), noteLimits);
            NoteEntity note = new NoteEntity();
            note.id = UUID.randomUUID();
            note.sessionId = session.id;
            note.tenantId = tenantId;
            note.phase = request.phase();
            note.text = request.text();
            note.estimate = estimate;
            note.createdAt = now;
            session.noteCount++;
            touch(session, now);
            EventPayload added = new EventPayload.NoteAdded(note.id, note.phase, note.text, estimate);
            return outbox.appendForSession(session, List.of(added), now).chain(events -> {
                note.sequence = session.lastSequence;
                return notes.persist(note).map(saved -> new Changed<>(NoteSnapshot.of(note), events));
            });
        });
    }

    private Uni<SessionEntity> locked(String tenantId, UUID id, String ifMatch) {
        return sessions.lockOwned(tenantId, id).map(session -> {
            if (session == null) {
                throw ProblemException.notFound("no session " + id);
            }
            EntityTags.requireMatch(ifMatch, session.revision);
            return session;
        });
    }

    private Uni<TemplateEntity> template(String tenantId, NewSession request) {
        String id = request.templateId() == null ? Template.DEFAULT_ID : request.templateId();
        Uni<TemplateEntity> found = request.templateVersion() == null
                ? templates.latestVisible(tenantId, id)
                : templates.findVisible(tenantId, id, request.templateVersion());
        return found.map(template -> {
            if (template == null) {
                throw RuleViolation.invalid(request.templateVersion() == null ? "templateId" : "templateVersion",
                        "no template '" + id + "'" + (request.templateVersion() == null ? ""
                                : " in version " + request.templateVersion()));
            }
            return template;
        });
    }

    private static void touch(SessionEntity session, Instant now) {
        session.revision++;
        session.updatedAt = now;
    }
}
