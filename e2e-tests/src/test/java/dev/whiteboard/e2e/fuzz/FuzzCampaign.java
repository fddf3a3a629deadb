package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a generator's requests to one running service, a bounded number at a time, and keeps what the
 * {@link ResponseInspector} found: counts by status class and by case, and the failures (the first ones
 * in full, with the request that caused each).
 */
public final class FuzzCampaign implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXAMPLES_PER_KIND = 2;
    /**
     * The services' quarkus.http.limits.max-body-size. A server answers a larger body with 413 and closes
     * the connection, often while the client is still writing it, so the client may see only the close.
     */
    private static final int SERVER_BODY_LIMIT = 2 * 1024 * 1024;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Reads a body whole, except an event stream, which is closed at once: a stream never ends, and its
     * headers already tell what the fuzzer checks.
     */
    private static final HttpResponse.BodyHandler<byte[]> BODY_UNLESS_STREAM = info ->
            info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                    ? new ClosingSubscriber() : HttpResponse.BodySubscribers.ofByteArray();

    private final URI base;
    private final FuzzRequestGenerator generator;
    private final ResponseInspector inspector;
    private final int concurrency;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http;

    public FuzzCampaign(URI base, FuzzRequestGenerator generator, ResponseInspector inspector, int concurrency) {
        this.base = base;
        this.generator = generator;
        this.inspector = inspector;
        this.concurrency = concurrency;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a campaign saw: counts, and the failures grouped by kind with the first examples of each. */
    public static final class Outcome {
        private final Map<String, AtomicLong> byStatusClass = Collections.synchronizedMap(new TreeMap<>());
        private final Map<FuzzCase, AtomicLong> byCase = Collections.synchronizedMap(new EnumMap<>(FuzzCase.class));
        private final Map<String, List<String>> examplesByKind = new TreeMap<>();
        private final Map<String, Long> countByKind = new TreeMap<>();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();

        void count(FuzzRequest request, String statusClass) {
            sent.incrementAndGet();
            byStatusClass.computeIfAbsent(statusClass, k -> new AtomicLong()).incrementAndGet();
            byCase.computeIfAbsent(request.fuzzCase(), k -> new AtomicLong()).incrementAndGet();
        }

        void fail(FuzzRequest request, String what) {
            failed.incrementAndGet();
            String kind = request.operation() + " " + request.fuzzCase() + ": " + what.replaceAll("'[^']*'", "'...'");
            synchronized (examplesByKind) {
                countByKind.merge(kind, 1L, Long::sum);
                List<String> examples = examplesByKind.computeIfAbsent(kind, k -> new ArrayList<>());
                if (examples.size() < EXAMPLES_PER_KIND) {
                    examples.add(what + "\n  " + request.describe());
                }
            }
        }

        public long sent() {
            return sent.get();
        }

        public long failed() {
            return failed.get();
        }

        /** One entry per kind of failure: how often it happened and its first examples in full. */
        public List<String> failures() {
            synchronized (examplesByKind) {
                List<String> failures = new ArrayList<>();
                examplesByKind.forEach((kind, examples) -> failures.add(countByKind.get(kind) + " x " + kind
                        + "\n" + String.join("\n", examples)));
                return failures;
            }
        }

        public long count(String statusClass) {
            AtomicLong n = byStatusClass.get(statusClass);
            return n == null ? 0 : n.get();
        }

        public String summary() {
            StringBuilder out = new StringBuilder("sent " + sent + ", by status class " + byStatusClass + ", by case "
                    + byCase + ", failures " + failed);
            synchronized (examplesByKind) {
                countByKind.forEach((kind, n) -> out.append("\n    ").append(n).append(" x ").append(kind));
            }
            return out.toString();
        }
    }

    /** Sends the creations first, one by one, and learns their identifiers; returns how many answered 2xx. */
    public int learnIdentifiers() {
        int created = 0;
        for (FuzzRequest creation : generator.creations()) {
            try {
                HttpResponse<byte[]> response = http.send(request(creation), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    generator.learn(creation, JSON.readTree(response.body()));
                    created++;
                }
            } catch (IOException e) {
                // an operation that cannot create anything just contributes no identifier
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return created;
            }
        }
        return created;
    }

    public Outcome run(long requests) {
        Outcome outcome = new Outcome();
        Semaphore inFlight = new Semaphore(concurrency);
        for (long i = 0; i < requests; i++) {
            FuzzRequest request = generator.generate(i);
            HttpRequest httpRequest;
            try {
                httpRequest = request(request);
            } catch (IllegalArgumentException e) {
                outcome.count(request, "unsendable");
                outcome.fail(request, "the generator made a request java.net.http refuses: " + e.getMessage());
                continue;
            }
            inFlight.acquireUninterruptibly();
            http.sendAsync(httpRequest, BODY_UNLESS_STREAM)
                    .orTimeout(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)
                    .whenComplete((response, failure) -> {
                        try {
                            record(outcome, request, response, failure);
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        inFlight.acquireUninterruptibly(concurrency);
        inFlight.release(concurrency);
        return outcome;
    }

    private void record(Outcome outcome, FuzzRequest request, HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null && request.body() != null && request.body().length > SERVER_BODY_LIMIT
                && rootCause(failure).startsWith("IOException")) {
            outcome.count(request, "closed while sending a body over the limit");
            return;
        }
        if (failure != null) {
            outcome.count(request, "no answer");
            outcome.fail(request, "no answer: " + rootCause(failure));
            return;
        }
        int status = response.statusCode();
        outcome.count(request, status / 100 + "xx");
        List<String> problems = inspector.inspect(request, status,
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (!problems.isEmpty()) {
            outcome.fail(request, String.join("; ", problems));
        }
    }

    private HttpRequest request(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(REQUEST_TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (FuzzRequest.Header header : request.headers()) {
            builder.header(header.name(), header.value());
        }
        return builder.build();
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + " " + cause.getMessage();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class ClosingSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            body.complete(new byte[0]);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled on subscription
        }

        @Override
        public void onError(Throwable throwable) {
            body.complete(new byte[0]);
        }

        @Override
        public void onComplete() {
            body.complete(new byte[0]);
        }
    }

    /** The response of a request to a path, for a health check after the campaign. */
    public int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
