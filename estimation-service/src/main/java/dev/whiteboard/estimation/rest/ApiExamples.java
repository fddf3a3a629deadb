package dev.whiteboard.estimation.rest;

/** Request and response bodies shown in the OpenAPI document. */
final class ApiExamples {
    static final String ESTIMATE_REQUEST = """
            {"writes": 100000000, "per": "DAY", "readsPerWrite": 10, "writeSizeBytes": 1000, "readSizeBytes": 1000,
             "retentionYears": 5, "replicationFactor": 3, "peakFactor": 2, "timeConvention": "ROUNDED_DAY"}""";

    static final String GRADE_REQUEST = """
            {"writes": 100000000, "per": "DAY", "readsPerWrite": 10, "writeSizeBytes": 1000, "readSizeBytes": 1000,
             "candidate": {"writeQps": 1000000, "readQps": 11574, "storagePerDayBytes": 100000000000}}""";

    static final String GRADE_RESPONSE = """
            {"convention": "ROUNDED_DAY", "grades": [
              {"figure": "writeQps", "computed": 1000, "candidate": 1000000, "ratio": 1000, "verdict": "OFF",
               "explanation": "1,000,000 writes/s is 1,000x the computed 1,000 writes/s: it looks like a units slip of 1,000 (one decimal prefix, such as thousands for millions or KB for MB).",
               "unit": "writes/s"},
              {"figure": "readQps", "computed": 10000, "candidate": 11574, "ratio": 1.1574, "verdict": "ACCURATE",
               "explanation": "11,574 reads/s is 1.16x the computed 10,000 reads/s: it matches the EXACT convention (a day is 86,400 s), not the ROUNDED_DAY asked for.",
               "unit": "reads/s"},
              {"figure": "storagePerDayBytes", "computed": 100000000000, "candidate": 100000000000, "ratio": 1,
               "verdict": "ACCURATE", "explanation": "Matches the computed 100,000,000,000 bytes (100 GB).", "unit": "bytes"}]}""";

    static final String BATCH_REQUEST = """
            [{"writes": 10, "per": "SECOND"},
             {"writes": -5, "per": "DAY"},
             {"dailyActiveUsers": 1000000, "writesPerUserPerDay": 2, "readsPerWrite": 5, "writeSizeBytes": 500}]""";

    static final String BATCH_RESPONSE = """
            {"succeeded": 2, "failed": 1, "results": [
              {"index": 0, "status": 200, "estimate": {"convention": "ROUNDED_DAY", "figures": {
                "writesPerDay": {"value": 1000000, "unit": "writes/day", "decimal": "1 million writes/day",
                  "binary": "977 Ki writes/day", "formula": "writes/day = 10/s x 100,000 s = 1,000,000/day"},
                "writeQps": {"value": 10, "unit": "writes/s", "decimal": "10 writes/s", "binary": "10 writes/s",
                  "formula": "writes/s = 10/s (given)"}}, "assumptions": ["ROUNDED_DAY (default): a day is 100,000 s (86,400 rounded up to 1E5); a month is 30 days and a year 365 days"]}},
              {"index": 1, "status": 400, "problem": {"type": "about:blank", "title": "Bad Request", "status": 400,
                "detail": "writes: must be at least 0.000001 (a positive number)", "instance": "/estimates/batch[1]",
                "errors": [{"field": "writes", "message": "must be at least 0.000001 (a positive number)"}]}},
              {"index": 2, "status": 200, "estimate": {"convention": "ROUNDED_DAY", "figures": {}, "assumptions": []}}]}""";

    static final String BAD_REQUEST = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "writes: must be at least 0.000001 (a positive number)", "instance": "/estimates/grade",
             "errors": [{"field": "writes", "message": "must be at least 0.000001 (a positive number)"}]}""";

    static final String TOO_LARGE = """
            {"type": "about:blank", "title": "Content Too Large", "status": 413,
             "detail": "a batch holds at most 1,000 items", "instance": "/estimates/batch",
             "errors": [{"field": "body", "message": "a batch holds at most 1,000 items"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "no scenario 'uber'; see GET /scenarios", "instance": "/scenarios/uber"}""";

    static final String LATENCY = """
            {"source": "Jeff Dean ... https://gist.github.com/jboner/2841832 ...", "unit": "ns", "entries": [
              {"operation": "L1 cache reference", "nanoseconds": 0.5, "human": "0.5 ns"},
              {"operation": "Main memory reference", "nanoseconds": 100, "human": "100 ns"},
              {"operation": "Round trip within the same datacenter", "nanoseconds": 500000, "human": "500 µs"}]}""";

    static final String POWERS = """
            {"source": "Exact powers of two; binary prefixes per IEC 80000-13 ...", "entries": [
              {"power": 10, "value": 1024, "approximately": "1 thousand", "bytes": "1 KiB", "note": "about 1 KB"},
              {"power": 30, "value": 1073741824, "approximately": "1 billion", "bytes": "1 GiB", "note": "about 1 GB"}]}""";

    private ApiExamples() {
    }
}
