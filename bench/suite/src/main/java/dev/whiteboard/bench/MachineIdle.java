package dev.whiteboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The machine's idle share of CPU time as Linux counts it in /proc/stat, and a wait until it is quiet: a
 * service that has just turned ready still compiles its hot code for some seconds, and on two cores that
 * work would be charged to the start-up of the next service started beside it.
 */
final class MachineIdle {
    private static final Path STAT = Path.of("/proc/stat");

    /** What a wait found: how long it took and the idle share of its last window (NaN: no window measured). */
    record Quiet(double waitedSeconds, double idleShare, boolean reached) {
    }

    private MachineIdle() {
    }

    /**
     * Waits, in windows of {@code window}, until one window's idle share is at least {@code idleShare} or
     * {@code max} has passed; returns at once where /proc/stat cannot be read.
     */
    static Quiet await(double idleShare, Duration window, Duration max) {
        long started = System.nanoTime();
        long[] before = cpuTimes();
        if (before == null) {
            return new Quiet(0, Double.NaN, false);
        }
        double idle = Double.NaN;
        while (System.nanoTime() - started < max.toNanos()) {
            BenchService.sleep(window.toMillis());
            long[] after = cpuTimes();
            long total = after[0] - before[0];
            idle = total <= 0 ? 1 : (after[1] - before[1]) / (double) total;
            before = after;
            if (idle >= idleShare) {
                return new Quiet((System.nanoTime() - started) / 1e9, idle, true);
            }
        }
        return new Quiet((System.nanoTime() - started) / 1e9, idle, false);
    }

    /** {total, idle + iowait} jiffies of all CPUs, or null where /proc/stat is missing. */
    private static long[] cpuTimes() {
        try {
            for (String line : Files.readAllLines(STAT)) {
                if (line.startsWith("cpu ")) {
                    String[] fields = line.trim().split("\\s+");
                    long total = 0;
                    // user nice system idle iowait irq softirq steal; guest time is already counted in user
                    for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                        total += Long.parseLong(fields[i]);
                    }
                    long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
                    return new long[] {total, idle};
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
