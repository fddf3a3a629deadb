package dev.whiteboard.bench.estimation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid POST /estimates bodies, all different, so that no cache can answer a load run: traffic per
 * user or per period, every time convention, sizes from bytes to 100 MB, with and without capacities.
 * {@code RequestBodies <file> [count]} writes one body a line for wrk and the load generator.
 */
public final class RequestBodies {
    private static final String[] PERIODS = {"SECOND", "DAY", "MONTH", "YEAR"};
    private static final String[] CONVENTIONS = {"ROUNDED_DAY", "EXACT", "ROUNDED_MONTH"};

    private RequestBodies() {
    }

    public static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String convention = CONVENTIONS[random.nextInt(CONVENTIONS.length)];
            if (i % 3 == 0) {
                bodies.add(String.format("{\"dailyActiveUsers\":%d,\"writesPerUserPerDay\":%d,\"readsPerWrite\":%d,"
                                + "\"writeSizeBytes\":%d,\"replicationFactor\":%d,\"peakFactor\":%d,"
                                + "\"timeConvention\":\"%s\",\"serverCapacityQps\":%d}",
                        between(random, 1_000, 500_000_000), between(random, 1, 50), between(random, 1, 200),
                        between(random, 100, 5_000_000), between(random, 1, 3), between(random, 1, 4), convention,
                        between(random, 1_000, 50_000)));
            } else {
                String per = PERIODS[random.nextInt(PERIODS.length)];
                long writes = per.equals("SECOND") ? between(random, 1, 1_000_000) : between(random, 1_000, 900_000_000_000L);
                bodies.add(String.format("{\"writes\":%d,\"per\":\"%s\",\"readsPerWrite\":%d,\"writeSizeBytes\":%d,"
                                + "\"readSizeBytes\":%d,\"retentionYears\":%d,\"replicationFactor\":%d,\"peakFactor\":%d,"
                                + "\"timeConvention\":\"%s\",\"shardCapacityBytes\":%d}",
                        writes, per, between(random, 1, 1_000), between(random, 10, 100_000_000),
                        between(random, 10, 100_000_000), between(random, 1, 10), between(random, 1, 5),
                        between(random, 1, 10), convention, between(random, 1, 1_000) * 1_000_000_000L));
            }
        }
        return bodies;
    }

    public static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Files.write(Path.of(args[0]), generate(count, 42), StandardCharsets.UTF_8);
    }
}
