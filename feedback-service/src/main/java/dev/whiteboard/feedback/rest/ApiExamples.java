package dev.whiteboard.feedback.rest;

/** JSON examples shown in the OpenAPI document. */
final class ApiExamples {
    private ApiExamples() {
    }

    static final String PROBLEM_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,
             "detail":"no feedback for session 5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11 (yet): it appears with the session's first event",
             "instance":"/feedback/5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11"}""";

    static final String PROBLEM_BAD_URL = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"url: must be an absolute http or https URL",
             "instance":"/webhooks","errors":[{"field":"url","message":"must be an absolute http or https URL"}]}""";

    static final String PROBLEM_BAD_NOTES = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"body: give either text or notes, not both",
             "instance":"/coverage","errors":[{"field":"body","message":"give either text or notes, not both"}]}""";

    static final String PROBLEM_TOO_LARGE = """
            {"type":"about:blank","title":"Content Too Large","status":413,
             "detail":"text must be at most 20000 characters","instance":"/coverage",
             "errors":[{"field":"text","message":"text must be at most 20000 characters"}]}""";

    static final String PROBLEM_NO_TEMPLATE = """
            {"type":"about:blank","title":"Unprocessable Content","status":422,
             "detail":"template team-template version 7 does not exist","instance":"/coverage",
             "errors":[{"field":"templateId","message":"template team-template version 7 does not exist"}]}""";

    static final String COVERAGE_TEXT_REQUEST = """
            {"text":"Cache hot feeds in Redis with LRU eviction. Shard posts by user id with consistent hashing. CDN?"}""";

    static final String COVERAGE_NOTES_REQUEST = """
            {"templateId":"default","templateVersion":1,
             "notes":[{"phase":"requirements","text":"100M daily users reading feeds; reads heavily outnumber writes."},
                      {"phase":"deep-dive","text":"Cache hot feeds in Redis with LRU eviction."}]}""";

    static final String COVERAGE_RESPONSE = """
            {"template":{"id":"default","version":1},
             "coverage":{"overall":0.05,"coveredItems":2,"totalItems":41,
               "phases":[{"phase":"deep-dive","title":"Deep dive","coverage":0.08,
                 "items":[{"itemKey":"cache-eviction","prompt":"Which eviction policy does the cache use?","covered":true,
                   "evidence":[{"phase":"deep-dive","sentence":"Cache hot feeds in Redis with LRU eviction."}],
                   "hint":"Name the eviction policy (LRU, LFU, FIFO) and why it fits the access pattern."},
                  {"itemKey":"cdn","prompt":"Would a CDN help serve static content?","covered":false,"evidence":[],
                   "hint":"Decide whether static content goes through a CDN, push or pull, and what it costs."}]}]},
             "missed":[{"phase":"deep-dive","itemKey":"cdn","prompt":"Would a CDN help serve static content?",
               "hint":"Decide whether static content goes through a CDN, push or pull, and what it costs."}]}""";

    static final String REPORT = """
            {"sessionId":"5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11","status":"FINAL","outcome":"COMPLETED",
             "candidateRef":"acc-42","question":"Design a news feed","template":{"id":"default","version":1},
             "overallScore":58,
             "scoring":{"weights":{"coverage":0.6,"timeManagement":0.25,"estimation":0.15},
               "parts":{"coverage":45,"timeManagement":73,"estimation":100},
               "method":"overall = 0.60 × coverage + 0.25 × time management + 0.15 × estimation, each part 0-100; a part that cannot be scored yet gives its weight to the others in proportion"},
             "coverage":{"overall":0.45,"coveredItems":18,"totalItems":40,"phases":[
               {"phase":"deep-dive","title":"Deep dive","coverage":0.5,"items":[
                 {"itemKey":"cache-eviction","prompt":"Which eviction policy does the cache use?","covered":true,
                  "evidence":[{"phase":"deep-dive","sentence":"Cache hot feeds in Redis with LRU eviction"}],
                  "hint":"Name the eviction policy (LRU, LFU, FIFO) and why it fits the access pattern."}]}]},
             "missed":[{"phase":"deep-dive","itemKey":"cdn","prompt":"Would a CDN help serve static content?",
               "hint":"Decide whether static content goes through a CDN, push or pull, and what it costs."}],
             "timeManagement":{"score":73,"phases":[
               {"phase":"requirements","title":"Gather requirements","actualSeconds":540,"minMinutes":1,"maxMinutes":2,
                "verdict":"OVER_BUDGET","score":22,"sentence":"you spent 9 minutes on requirements; the budget is 1-2"}]},
             "estimation":{"score":100,"estimates":[{"noteId":"n-7","phase":"capacity","status":"GRADED",
               "convention":"ROUNDED_DAY","grades":[{"figure":"writesPerSecond","computed":1000.0,"candidate":1200.0,
               "ratio":1.2,"verdict":"ACCURATE","explanation":"within 2x of 1,000/s"}],"score":100,"reason":null}]},
             "updatedAt":"2026-11-28T10:15:04.120Z","finalizedAt":"2026-11-28T10:15:04.120Z"}""";

    static final String PROGRESS = """
            {"candidateRef":"acc-42","sessions":3,"finishedSessions":2,"averageScore":55,"latestScore":61,"scoreChange":12,
             "history":[{"sessionId":"5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11","status":"FINAL","overallScore":49,
               "coverage":40,"timeManagement":60,"estimation":null,"startedAt":"2026-11-20T09:00:00Z",
               "finalizedAt":"2026-11-20T09:50:00Z"}],
             "mostMissed":[{"itemKey":"cdn","phase":"deep-dive","prompt":"Would a CDN help serve static content?",
               "hint":"Decide whether static content goes through a CDN, push or pull, and what it costs.",
               "missedIn":2,"outOf":2}]}""";

    static final String WEBHOOK_REQUEST = """
            {"url":"https://platform.example.com/hooks/whiteboard","secret":"whsec_6f1c2b9e0d4a4c7f9a31"}""";

    static final String WEBHOOK_RESPONSE = """
            {"url":"https://platform.example.com/hooks/whiteboard","secretConfigured":true,
             "signatureHeader":"Whiteboard-Signature","updatedAt":"2026-11-28T10:00:00Z"}""";

    static final String DELIVERIES = """
            {"deliveries":[{"deliveryId":"0d8f6c55-1b7e-4b8b-a1c4-1f2a3b4c5d6e",
              "sessionId":"5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11","event":"report.final",
              "url":"https://platform.example.com/hooks/whiteboard","status":"DELIVERED","attempts":3,
              "lastStatusCode":200,"lastError":null,"createdAt":"2026-11-28T10:15:04Z",
              "deliveredAt":"2026-11-28T10:15:07Z","nextAttemptAt":null,
              "attemptLog":[{"attempt":1,"attemptedAt":"2026-11-28T10:15:04Z","statusCode":500,
                 "error":"the receiver answered 500","durationMs":12},
               {"attempt":2,"attemptedAt":"2026-11-28T10:15:05Z","statusCode":500,"error":"the receiver answered 500","durationMs":9},
               {"attempt":3,"attemptedAt":"2026-11-28T10:15:07Z","statusCode":200,"error":null,"durationMs":8}]}]}""";
}
