package dev.whiteboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (from Debian's packages) against 127.0.0.1, bounded in time, with a Lua script for headers and bodies. */
final class Wrk {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    /** What one run measured; latencies in milliseconds. */
    record Result(double requestsPerSecond, long requests, long non2xx, double p50Ms, double p99Ms, String output) {
    }

    private Wrk() {
    }

    /** A Lua script that sends the given method, headers and (when not null) JSON body made by {@code bodyExpression}. */
    static Path script(Path dir, String name, String method, List<String[]> headers, String bodyExpression) {
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        for (String[] header : headers) {
            lua.append("wrk.headers[\"").append(header[0]).append("\"] = \"").append(header[1]).append("\"\n");
        }
        if (bodyExpression != null) {
            lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                    .append("local n = 0\n")
                    .append("request = function()\n  n = n + 1\n  return wrk.format(nil, nil, nil, ")
                    .append(bodyExpression).append(")\nend\n");
        }
        Path file = dir.resolve(name + ".lua");
        try {
            Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Result run(String url, Path script, int threads, int connections, Duration duration) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), url));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return new Result(number(REQUESTS_PER_SECOND, output), (long) number(TOTAL, output),
                    (long) number(NON_2XX, output), percentile(output, "50%"), percentile(output, "99%"), output);
        } catch (IOException e) {
            throw new UncheckedIOException("wrk is needed (apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** A latency line of wrk's distribution, such as "99%    3.21ms", in milliseconds. */
    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
