package dev.whiteboard.bench.estimation;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load generator: POSTs the bodies at a fixed rate whatever the server does, and measures
 * each latency from the moment the request was due (not when it was sent), so a stalled server shows
 * up in the percentiles instead of slowing the generator down (no coordinated omission). The warm-up
 * runs the first half at a quarter of the rate, so that this JVM's own cold start does not leave a
 * backlog in the measured part.
 * {@code FixedRateLoad <port> <bodies-file> <api-key> <rate/s> <seconds> <warmup-seconds> <connections>
 * [auth-header]} prints one JSON line; the key goes in X-API-Key unless another header is named.
 */
public final class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<Buffer> bodies = RequestBodies.read(Path.of(args[1])).stream().map(Buffer::buffer).toList();
        String key = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        String authHeader = args.length > 7 ? args[7] : "X-API-Key";

        long[] due = schedule(rate, warmup, seconds);
        int measuredFrom = (int) (rate / 4 * (warmup / 2.0) + rate * (warmup - warmup / 2.0));
        long[] latencies = new long[due.length - measuredFrom];

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections));
        AtomicLong failures = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime() + 10_000_000;
        int[] scheduled = {0};

        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (scheduled[0] < due.length && start + due[scheduled[0]] <= now) {
                int index = scheduled[0]++;
                long dueAt = start + due[index];
                client.request(HttpMethod.POST, "/estimates")
                        .compose(request -> request.putHeader("Content-Type", "application/json")
                                .putHeader(authHeader, key)
                                .send(bodies.get(index % bodies.size())))
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .onComplete(result -> {
                            if (result.failed() || result.result() != 200) {
                                failures.incrementAndGet();
                            }
                            if (index >= measuredFrom) {
                                latencies[index - measuredFrom] = System.nanoTime() - dueAt;
                            }
                            if (completed.incrementAndGet() == due.length) {
                                done.countDown();
                            }
                        });
            }
            if (scheduled[0] >= due.length) {
                vertx.cancelTimer(timer);
            }
        });
        boolean finished = done.await(warmup + seconds + 60L, TimeUnit.SECONDS);
        double measuredSeconds = (System.nanoTime() - start - due[measuredFrom]) / 1e9;
        vertx.close();

        long[] sorted = Arrays.copyOf(latencies, latencies.length);
        Arrays.sort(sorted);
        System.out.println(String.format(Locale.ROOT,
                "{\"rate\":%.0f,\"seconds\":%d,\"warmupSeconds\":%d,\"connections\":%d,\"requests\":%d,\"failures\":%d,"
                        + "\"finished\":%b,\"achievedRate\":%.0f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,"
                        + "\"p999Ms\":%.3f,\"maxMs\":%.3f}",
                rate, seconds, warmup, connections, latencies.length, failures.get(), finished,
                latencies.length / measuredSeconds, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), percentile(sorted, 0.999), sorted[sorted.length - 1] / 1e6));
    }

    /** When each request is due, in nanoseconds from the start: a quarter rate, the full rate, then the measured part. */
    private static long[] schedule(double rate, int warmup, int seconds) {
        double slowSeconds = warmup / 2.0;
        int slow = (int) (rate / 4 * slowSeconds);
        int full = (int) (rate * (warmup - slowSeconds + seconds));
        long[] due = new long[slow + full];
        for (int i = 0; i < slow; i++) {
            due[i] = (long) (i * 4e9 / rate);
        }
        long fullFrom = (long) (slowSeconds * 1e9);
        for (int i = 0; i < full; i++) {
            due[slow + i] = fullFrom + (long) (i * 1e9 / rate);
        }
        return due;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
