package dev.whiteboard.session.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and hands out its events one by one. */
public final class SseReader implements AutoCloseable {

    /** One event; {@code name} is "message" when the stream gave none, {@code id} null when it gave none. */
    public record Event(String name, String id, String data) {
    }

    private static final Event END = new Event("", null, "");

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean ended;

    public SseReader(URI uri, String apiKey) {
        this(uri, apiKey, null);
    }

    public SseReader(URI uri, String apiKey, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("X-API-Key", apiKey)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // on a thread of its own: a dependent stage may otherwise run on whichever thread completes or awaits the future
        response.thenAcceptAsync(this::read, task -> {
            Thread reader = new Thread(task, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    public int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    private void read(HttpResponse<Stream<String>> http) {
        String name = null;
        String id = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = http.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, id, String.join("\n", data)));
                    }
                    name = null;
                    id = null;
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException closed) {
            // the stream ended or was cancelled
        } finally {
            ended = true;
            events.add(END);
        }
    }

    /** The next event, or null when none came within the timeout or the stream ended. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == END) {
            events.add(END);
            return null;
        }
        return event;
    }

    /** The next event whose name is not one of {@code skipped}. */
    public Event nextExcept(Duration timeout, String... skipped) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null || !List.of(skipped).contains(event.name())) {
                return event;
            }
        }
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(http -> http.body().close());
    }
}
