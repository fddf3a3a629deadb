package dev.whiteboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Many Server-Sent Event streams held open against one session-service instance by one Vert.x client
 * (a few event-loop threads, one connection per stream). A stream counts as open once its first event
 * (the session snapshot) arrived, and as held while it is neither ended nor failed.
 */
final class SseStreams implements AutoCloseable {
    private static final int OPENING_AT_ONCE = 200;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final HttpClient client;
    private final String apiKey;
    private final List<Stream> streams = new ArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Semaphore opening = new Semaphore(OPENING_AT_ONCE);

    SseStreams(int port, String apiKey, int capacity) {
        this.apiKey = apiKey;
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                        .setConnectTimeout(10_000).setIdleTimeout(0).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(capacity + OPENING_AT_ONCE).setMaxWaitQueueSize(-1));
    }

    /** One stream's state, written by the client's event loop and read by the benchmark thread. */
    private final class Stream {
        volatile boolean open;
        volatile boolean over;
        final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();
        private String partialLine = "";
        private boolean released;

        void data(Buffer buffer) {
            String text = partialLine + buffer.toString();
            int start = 0;
            for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
                String line = text.substring(start, newline).strip();
                if (line.startsWith("event:")) {
                    events.computeIfAbsent(line.substring(6).strip(), k -> new AtomicInteger()).incrementAndGet();
                    open = true;
                    release();
                }
                start = newline + 1;
            }
            partialLine = text.substring(start);
        }

        void end(String why) {
            over = true;
            if (!open) {
                failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
            }
            release();
        }

        private void release() {
            if (!released) {
                released = true;
                opening.release();
            }
        }

        boolean received(String event) {
            return events.containsKey(event);
        }
    }

    /** Opens one stream per session in turn until {@code count} are requested, at most 200 being set up at once. */
    void open(List<UUID> sessions, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            if (!opening.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Stream stream = new Stream();
            synchronized (streams) {
                streams.add(stream);
            }
            String path = "/sessions/" + sessions.get(i % sessions.size()) + "/stream";
            request(stream, path);
        }
        awaitUntil(() -> opening.availablePermits() == OPENING_AT_ONCE, deadline);
    }

    private void request(Stream stream, String path) {
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                        .addHeader("X-API-Key", apiKey).addHeader("Accept", "text/event-stream"))
                .compose(request -> request.send())
                .onSuccess(response -> follow(stream, response))
                .onFailure(failure -> stream.end(failure.getClass().getSimpleName()));
    }

    private static void follow(Stream stream, HttpClientResponse response) {
        if (response.statusCode() != 200) {
            stream.end("HTTP " + response.statusCode());
            response.request().connection().close();
            return;
        }
        response.handler(stream::data);
        response.exceptionHandler(failure -> stream.end(failure.getClass().getSimpleName()));
        response.endHandler(ignored -> stream.end("ended before its first event"));
    }

    int requested() {
        synchronized (streams) {
            return streams.size();
        }
    }

    /** Streams that got their first event and have not ended or failed since. */
    int held() {
        synchronized (streams) {
            return (int) streams.stream().filter(s -> s.open && !s.over).count();
        }
    }

    /** Held streams that received an event of this name. */
    int heldThatReceived(String event) {
        synchronized (streams) {
            return (int) streams.stream().filter(s -> s.open && !s.over && s.received(event)).count();
        }
    }

    /** Why streams that never opened failed, with counts. */
    Map<String, Integer> failures() {
        Map<String, Integer> counts = new TreeMap<>();
        failures.forEach((why, n) -> counts.put(why, n.get()));
        return counts;
    }

    static boolean awaitUntil(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
