package dev.whiteboard.bench.estimation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: POSTs the bodies at a fixed rate whatever the server does, and measures
 * each latency from the moment the request was due (not when it was sent), so a stalled server shows
 * up in the percentiles instead of slowing the generator down (no coordinated omission). A request due
 * while every connection is busy waits for one, and that wait counts. The warm-up runs the first half at
 * a quarter of the rate, so that this JVM's own cold start does not leave a backlog in the measured part.
 *
 * <p>One thread, one selector, plain HTTP/1.1 over keep-alive connections with the requests' bytes made
 * in advance. An earlier version on Vert.x's HTTP client spent about 65 us of CPU a request: at 11,000
 * requests a second its own event loop was busy most of the time and sent 1 % of the requests more than
 * 2.5 ms late, so that a bare Vert.x endpoint measured a p99 of 5.8 ms. The generator's lag (due to
 * written) is printed beside the latencies so that a late generator can be told apart from a slow server.
 *
 * {@code FixedRateLoad <port> <bodies-file> <api-key> <rate/s> <seconds> <warmup-seconds> <connections>
 * [auth-header]} prints one JSON line; the key goes in X-API-Key unless another header is named.
 */
public final class FixedRateLoad {
    private static final long SPIN_BELOW_NANOS = 1_000_000;

    private final InetSocketAddress server;
    private final byte[][] requests;
    private final long[] due;
    private final int measuredFrom;
    private final long[] latencies;
    private final long[] lags;
    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private long start;
    private int next;
    private int completed;
    private long failures;
    private long reconnects;

    private FixedRateLoad(InetSocketAddress server, byte[][] requests, long[] due, int measuredFrom) throws IOException {
        this.server = server;
        this.requests = requests;
        this.due = due;
        this.measuredFrom = measuredFrom;
        this.latencies = new long[due.length - measuredFrom];
        this.lags = new long[due.length - measuredFrom];
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> bodies = RequestBodies.read(Path.of(args[1]));
        String key = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        String authHeader = args.length > 7 ? args[7] : "X-API-Key";

        byte[][] requests = new byte[bodies.size()][];
        for (int i = 0; i < requests.length; i++) {
            byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
            String head = "POST /estimates HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + authHeader + ": " + key + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            requests[i] = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, requests[i], headBytes.length, body.length);
        }
        long[] due = schedule(rate, warmup, seconds);
        int measuredFrom = (int) (rate / 4 * (warmup / 2.0) + rate * (warmup - warmup / 2.0));
        FixedRateLoad load = new FixedRateLoad(new InetSocketAddress("127.0.0.1", port), requests, due, measuredFrom);
        for (int i = 0; i < connections; i++) {
            load.idle.add(load.connect());
        }
        boolean finished = load.run(System.nanoTime() + (warmup + seconds + 60L) * 1_000_000_000L);
        double measuredSeconds = (System.nanoTime() - load.start - due[measuredFrom]) / 1e9;

        long[] sorted = Arrays.copyOf(load.latencies, load.latencies.length);
        Arrays.sort(sorted);
        long[] sortedLags = Arrays.copyOf(load.lags, load.lags.length);
        Arrays.sort(sortedLags);
        System.out.println(String.format(Locale.ROOT,
                "{\"rate\":%.0f,\"seconds\":%d,\"warmupSeconds\":%d,\"connections\":%d,\"requests\":%d,\"failures\":%d,"
                        + "\"reconnects\":%d,\"finished\":%b,\"achievedRate\":%.0f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,"
                        + "\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f,\"generatorLagP99Ms\":%.3f}",
                rate, seconds, warmup, connections, load.latencies.length, load.failures, load.reconnects, finished,
                load.latencies.length / measuredSeconds, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), percentile(sorted, 0.999), sorted[sorted.length - 1] / 1e6,
                percentile(sortedLags, 0.99)));
    }

    private boolean run(long deadline) throws IOException {
        start = System.nanoTime() + 10_000_000;
        while (completed < due.length) {
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            while (next < due.length && start + due[next] <= now) {
                waiting.add(next++);
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                idle.poll().send(waiting.poll());
            }
            long wait = next < due.length ? start + due[next] - System.nanoTime() : Long.MAX_VALUE;
            if (wait >= SPIN_BELOW_NANOS) {
                selector.select(Math.min(wait / 1_000_000, 100));
            } else if (selector.selectNow() == 0 && wait > 0) {
                // the selector's timeout is in milliseconds: below one, a short park keeps the schedule
                LockSupport.parkNanos(Math.min(wait, 20_000));
            }
            var keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                ((Connection) key.attachment()).ready(key);
            }
        }
        return true;
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        connection.key = channel.register(selector, 0, connection);
        return connection;
    }

    private void complete(int index, boolean ok) {
        long now = System.nanoTime();
        if (!ok) {
            failures++;
        }
        if (index >= measuredFrom) {
            latencies[index - measuredFrom] = now - (start + due[index]);
        }
        completed++;
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection {
        private final SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private int index = -1;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(int request) throws IOException {
            index = request;
            if (request >= measuredFrom) {
                lags[request - measuredFrom] = System.nanoTime() - (start + due[request]);
            }
            out = ByteBuffer.wrap(requests[request % requests.length]);
            in.clear();
            try {
                channel.write(out);
            } catch (IOException e) {
                fail();
                return;
            }
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void ready(SelectionKey ready) throws IOException {
            try {
                if (ready.isWritable()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (channel.read(in) < 0) {
                    fail();
                    return;
                }
            } catch (IOException e) {
                fail();
                return;
            }
            int status = responseStatusIfComplete();
            if (status == 0) {
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                return;
            }
            key.interestOps(0);
            int finished = index;
            index = -1;
            complete(finished, status == 200);
            idle.add(this);
        }

        /** The response's status once all of it has arrived, else 0. */
        private int responseStatusIfComplete() {
            byte[] bytes = in.array();
            int length = in.position();
            int headerEnd = -1;
            for (int i = 3; i < length; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            int at = lower.indexOf("\ncontent-length:");
            if (at >= 0) {
                int end = lower.indexOf('\r', at);
                long bodyLength = Long.parseLong(lower.substring(at + 16, end).trim());
                return length - headerEnd >= bodyLength ? status : 0;
            }
            if (lower.contains("\ntransfer-encoding: chunked")) {
                String tail = new String(bytes, Math.max(headerEnd, length - 5), Math.min(5, length - headerEnd),
                        StandardCharsets.US_ASCII);
                return tail.equals("0\r\n\r\n") ? status : 0;
            }
            throw new IllegalStateException("a response with neither Content-Length nor chunks: " + head);
        }

        /** The connection broke: its request failed, a new connection takes its place. */
        private void fail() throws IOException {
            key.cancel();
            channel.close();
            if (index >= 0) {
                complete(index, false);
            }
            reconnects++;
            idle.add(connect());
        }
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
