package dev.whiteboard.session.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.domain.SessionAction;
import dev.whiteboard.session.service.NewNote;
import dev.whiteboard.session.service.NewSession;
import dev.whiteboard.session.service.Rendered;
import dev.whiteboard.session.service.ServerClock;
import dev.whiteboard.session.service.SessionService;
import dev.whiteboard.session.service.SessionSnapshot;
import dev.whiteboard.session.service.SessionStreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Practice interviews: phases with time budgets, notes, live updates")
public class SessionResource {
    private static final String IDEMPOTENCY_DESCRIPTION = "A retry with the same key and body returns the first "
            + "response and changes nothing; the same key with another body gets 422. Remembered for 24 hours.";
    private static final String IF_MATCH_DESCRIPTION = "The session's ETag; a stale one gets 412";

    private final SessionService sessions;
    private final SessionStreams streams;
    private final CurrentTenant currentTenant;
    private final ServerClock clock;

    public SessionResource(SessionService sessions, SessionStreams streams, CurrentTenant currentTenant,
                           ServerClock clock) {
        this.sessions = sessions;
        this.streams = streams;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a session",
            description = "Sets up a practice interview on a template (the shared default unless templateId is given), "
                    + "pinned to the template's latest version or the one given. The session starts with /start.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "session", value = ApiExamples.CREATE_SESSION)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the session",
            content = @Content(schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "created", value = ApiExamples.SESSION)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, or the template does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM_400)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiExamples.PROBLEM_422)))
    public Uni<Response> create(
            @Parameter(in = ParameterIn.HEADER, name = Replies.IDEMPOTENCY_KEY, description = IDEMPOTENCY_DESCRIPTION)
            @RestHeader(Replies.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull @Valid CreateSessionRequest request) {
        NewSession command = new NewSession(request.question(), request.candidateRef(), request.templateId(),
                request.templateVersion());
        return sessions.create(currentTenant.id(), idempotencyKey, command,
                        session -> new Rendered(201, "/sessions/" + session.id(), session.etag(), present(session)))
                .map(Replies::toResponse);
    }

    @GET
    @Operation(summary = "List sessions",
            description = "The caller's sessions, newest first, optionally of one candidate or in one status. "
                    + "Pages are linked by an opaque cursor.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = SessionPageResponse.class),
                    examples = @ExampleObject(name = "page", value = ApiExamples.SESSION_PAGE)))
    @APIResponse(responseCode = "400", description = "The status, cursor or limit is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SessionPageResponse> list(
            @Parameter(description = "Only this candidate's sessions") @RestQuery String candidateRef,
            @Parameter(description = "Only sessions in this status",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"CREATED", "IN_PROGRESS", "PAUSED", "COMPLETED", "ABANDONED"}))
            @RestQuery String status,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor,
            @Parameter(description = "Sessions per page, 1-100 (default 20)") @RestQuery Integer limit) {
        String tenant = currentTenant.id();
        return sessions.list(tenant, candidateRef, status, cursor, limit).map(page -> new SessionPageResponse(
                page.sessions().stream().map(this::present).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a session",
            description = "Status, current phase, and per phase its start, end, active time (pauses excluded), "
                    + "budget and whether it is under, within or over it, on the server's clock.")
    @APIResponse(responseCode = "200", description = "The session; ETag is its revision",
            content = @Content(schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    @APIResponse(responseCode = "404", description = "No such session for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    public Uni<Response> get(@RestPath UUID id, @RestHeader("If-None-Match") String ifNoneMatch) {
        return sessions.get(currentTenant.id(), id).map(session -> {
            EntityTag tag = new EntityTag(String.valueOf(session.revision()));
            if (session.unchangedSince(ifNoneMatch)) {
                return Response.notModified(tag).build();
            }
            return Response.ok(present(session)).tag(tag).build();
        });
    }

    @POST
    @Path("{id}/{action: start|advance|pause|resume|complete|abandon}")
    @Operation(summary = "Move a session along",
            description = "start (CREATED), advance to the next phase (IN_PROGRESS, not in the last phase), pause "
                    + "(IN_PROGRESS), resume (PAUSED), complete (IN_PROGRESS or PAUSED), abandon (not ended). "
                    + "Any other move gets 409. No body.")
    @APIResponse(responseCode = "200", description = "The session after the move, with its new ETag",
            content = @Content(schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "advanced", value = ApiExamples.SESSION)))
    @APIResponse(responseCode = "404", description = "No such session for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    @APIResponse(responseCode = "409", description = "The move is not allowed in the session's status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not started", value = ApiExamples.PROBLEM_409)))
    @APIResponse(responseCode = "412", description = "If-Match named an old ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiExamples.PROBLEM_412)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiExamples.PROBLEM_422)))
    public Uni<Response> act(
            @RestPath UUID id,
            @Parameter(description = "The move", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"start", "advance", "pause", "resume", "complete", "abandon"}))
            @RestPath String action,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DESCRIPTION)
            @RestHeader("If-Match") String ifMatch,
            @Parameter(in = ParameterIn.HEADER, name = Replies.IDEMPOTENCY_KEY, description = IDEMPOTENCY_DESCRIPTION)
            @RestHeader(Replies.IDEMPOTENCY_KEY) String idempotencyKey) {
        SessionAction move = SessionAction.fromPathName(action)
                .orElseThrow(() -> ProblemException.notFound("no such move: " + action));
        return sessions.act(currentTenant.id(), id, move, ifMatch, idempotencyKey,
                        session -> new Rendered(200, null, session.etag(), present(session)))
                .map(Replies::toResponse);
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note",
            description = "Appends a note for a phase that has started, while the session runs or is paused. "
                    + "A structured capacity estimate is accepted in the capacity phase only. Notes never change.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "note", value = ApiExamples.NOTE_REQUEST),
            @ExampleObject(name = "capacity estimate", value = ApiExamples.ESTIMATE_NOTE_REQUEST)}))
    @APIResponse(responseCode = "201", description = "Added; Location names the note",
            content = @Content(schema = @Schema(implementation = NoteResponse.class),
                    examples = @ExampleObject(name = "note", value = ApiExamples.NOTE)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    @APIResponse(responseCode = "409", description = "The session is not running or paused, the phase has not "
            + "started, or the session holds the most notes it can",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match named an old ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiExamples.PROBLEM_412)))
    @APIResponse(responseCode = "413", description = "The text is longer than a note may be",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too long", value = ApiExamples.PROBLEM_413)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiExamples.PROBLEM_422)))
    public Uni<Response> addNote(
            @RestPath UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = IF_MATCH_DESCRIPTION)
            @RestHeader("If-Match") String ifMatch,
            @Parameter(in = ParameterIn.HEADER, name = Replies.IDEMPOTENCY_KEY, description = IDEMPOTENCY_DESCRIPTION)
            @RestHeader(Replies.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull @Valid NoteRequest request) {
        NewNote command = new NewNote(request.phase(), request.text(),
                request.estimate() == null ? null : request.estimate().toDomain());
        return sessions.addNote(currentTenant.id(), id, command, ifMatch, idempotencyKey,
                        note -> new Rendered(201, "/sessions/" + id + "/notes/" + note.id(), null, NoteResponse.of(note)))
                .map(Replies::toResponse);
    }

    @GET
    @Path("{id}/notes")
    @Operation(summary = "List a session's notes", description = "Every note of the session, in the order written.")
    @APIResponse(responseCode = "200", description = "The notes",
            content = @Content(schema = @Schema(implementation = NoteResponse.Listing.class),
                    examples = @ExampleObject(name = "notes", value = ApiExamples.NOTE_LIST)))
    @APIResponse(responseCode = "404", description = "No such session for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    public Uni<NoteResponse.Listing> notes(@RestPath UUID id) {
        return sessions.notes(currentTenant.id(), id)
                .map(list -> new NoteResponse.Listing(list.stream().map(NoteResponse::of).toList()));
    }

    @GET
    @Path("{id}/notes/{noteId}")
    @Operation(summary = "Get a note", description = "One note of a session.")
    @APIResponse(responseCode = "200", description = "The note",
            content = @Content(schema = @Schema(implementation = NoteResponse.class),
                    examples = @ExampleObject(name = "note", value = ApiExamples.NOTE)))
    @APIResponse(responseCode = "404", description = "No such session or note for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    public Uni<NoteResponse> note(@RestPath UUID id, @RestPath UUID noteId) {
        return sessions.note(currentTenant.id(), id, noteId).map(NoteResponse::of);
    }

    @GET
    @Path("{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @StreamedSession
    @Operation(summary = "Follow a session live",
            description = "Server-Sent Events: first `session` (the session as GET returns it), then every event of "
                    + "the session (named by its type, e.g. `phase.started`, with the decision-0004 envelope as data "
                    + "and its sequence as id), whichever replica made the change, and `nudge` events when the running "
                    + "phase has used 80 % of its maximum budget and when it goes over. Ends after the session ends. "
                    + "Last-Event-ID replays the events after it.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "stream", value = """
                            event: phase.started
                            id: 3
                            data: {"eventId":"9b1e...","type":"phase.started","schemaVersion":1,"tenantId":"acme","sessionId":"0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10","sequence":3,"occurredAt":"2026-11-28T10:00:05Z","payload":{"phase":"requirements","order":1,"startedAt":"2026-11-28T10:00:05Z"}}
                            """)))
    @APIResponse(responseCode = "404", description = "No such session for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiExamples.PROBLEM_404)))
    public Multi<OutboundSseEvent> stream(
            @RestPath UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID", description = "The id of the last event received")
            @RestHeader("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Long after = lastEventId(lastEventId);
        return streams.open(currentTenant.id(), id, after, this::present)
                .onItem().transformToMulti(items -> items)
                .map(item -> sse.newEventBuilder()
                        .name(item.event())
                        .id(item.id())
                        .data(item.data())
                        .build());
    }

    private SessionResponse present(SessionSnapshot session) {
        return SessionResponse.of(session, clock.now());
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID", "must be the id of an event of this stream (a number)");
        }
    }
}
