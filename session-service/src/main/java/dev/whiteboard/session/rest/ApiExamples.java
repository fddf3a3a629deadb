package dev.whiteboard.session.rest;

/** Request and response bodies shown in the OpenAPI document. */
final class ApiExamples {
    static final String CREATE_SESSION = """
            {"question": "Design a URL shortener", "candidateRef": "acc-1"}""";
    static final String SESSION = """
            {"id": "0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10", "status": "IN_PROGRESS",
             "question": "Design a URL shortener", "candidateRef": "acc-1", "templateId": "default",
             "templateVersion": 1, "currentPhase": "functional-nonfunctional", "revision": 3, "lastSequence": 5,
             "noteCount": 0, "createdAt": "2026-11-28T10:00:00Z", "updatedAt": "2026-11-28T10:01:42Z",
             "startedAt": "2026-11-28T10:00:05Z", "endedAt": null,
             "phases": [
               {"key": "requirements", "title": "Gather requirements", "order": 1, "progress": "ENDED",
                "startedAt": "2026-11-28T10:00:05Z", "endedAt": "2026-11-28T10:01:42Z", "elapsedSeconds": 97,
                "minMinutes": 1, "maxMinutes": 2, "budgetStatus": "WITHIN"},
               {"key": "functional-nonfunctional", "title": "Functional and non-functional requirements", "order": 2,
                "progress": "RUNNING", "startedAt": "2026-11-28T10:01:42Z", "endedAt": null, "elapsedSeconds": 0,
                "minMinutes": 5, "maxMinutes": 5, "budgetStatus": "UNDER"}]}""";
    static final String SESSION_PAGE = """
            {"items": [{"id": "0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10", "status": "CREATED",
              "question": "Design a URL shortener", "candidateRef": "acc-1", "templateId": "default",
              "templateVersion": 1, "currentPhase": null, "revision": 1, "lastSequence": 1, "noteCount": 0,
              "createdAt": "2026-11-28T10:00:00Z", "updatedAt": "2026-11-28T10:00:00Z", "startedAt": null,
              "endedAt": null, "phases": []}],
             "nextCursor": "MjAyNi0xMS0yOFQxMDowMDowMFp8MGY4YjZhNTItMmMxZS00ZjQzLTlhNTUtM2YxZDJiN2M5ZTEw"}""";
    static final String NOTE_REQUEST = """
            {"phase": "requirements", "text": "Users shorten links; reads dominate writes 100:1."}""";
    static final String ESTIMATE_NOTE_REQUEST = """
            {"phase": "capacity", "text": "100M users, one write each a day, reads 100x.",
             "estimate": {"inputs": {"dailyActiveUsers": 100000000, "writesPerUserPerDay": 1, "readsPerWrite": 100},
                          "candidate": {"writeQps": 1000, "readQps": 100000}}}""";
    static final String NOTE = """
            {"id": "5d0c2f1e-8a7b-4c3d-9e2f-1a0b9c8d7e6f", "sessionId": "0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10",
             "phase": "requirements", "text": "Users shorten links; reads dominate writes 100:1.", "estimate": null,
             "sequence": 4, "createdAt": "2026-11-28T10:00:40Z"}""";
    static final String NOTE_LIST = "{\"items\": [" + NOTE + "]}";
    static final String TEMPLATE = """
            {"id": "default", "version": 1, "name": "System design interview",
             "phases": [{"key": "requirements", "title": "Gather requirements", "order": 1, "minMinutes": 1,
               "maxMinutes": 2, "checklist": [{"key": "users-and-usage", "prompt": "Who will use the system, and how?",
               "hint": "Start by asking who the users are and how they use it.",
               "cues": ["users", "customers", "who will use"]}]}]}""";
    static final String PUBLISH_TEMPLATE = """
            {"name": "Backend loop, 45 minutes",
             "phases": [{"key": "requirements", "title": "Requirements", "minMinutes": 3, "maxMinutes": 5,
               "checklist": [{"key": "scale", "prompt": "How many users?", "hint": "Ask about scale early.",
               "cues": ["users", "scale", "traffic"]}]},
              {"key": "design", "title": "Design", "minMinutes": 20, "maxMinutes": 30, "checklist": []}]}""";
    static final String TEMPLATE_LIST = """
            {"items": [{"id": "default", "version": 1, "name": "System design interview", "shared": true,
              "phaseCount": 6, "publishedAt": "2026-11-28T09:00:00Z"}]}""";
    static final String PROBLEM_404 = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "no session 0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10", "instance": "/sessions/0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10"}""";
    static final String PROBLEM_409 = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "cannot advance a session that is CREATED: start it first", "instance": "/sessions/0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10/advance"}""";
    static final String PROBLEM_412 = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
             "detail": "the session has changed since \\"2\\"; its current ETag is \\"3\\": read it again and retry",
             "instance": "/sessions/0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10/advance",
             "errors": [{"field": "If-Match", "message": "the session has changed"}]}""";
    static final String PROBLEM_422 = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "this Idempotency-Key was used for a different request; use a new key for a new request",
             "instance": "/sessions", "errors": [{"field": "Idempotency-Key", "message": "used for a different request"}]}""";
    static final String PROBLEM_400 = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "question: must not be blank",
             "instance": "/sessions", "errors": [{"field": "question", "message": "must not be blank"}]}""";
    static final String PROBLEM_413 = """
            {"type": "about:blank", "title": "Content Too Large", "status": 413,
             "detail": "text: a note has at most 10000 characters; this one has 12000", "instance": "/sessions/0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10/notes",
             "errors": [{"field": "text", "message": "must be at most 10000 characters"}]}""";

    private ApiExamples() {
    }
}
