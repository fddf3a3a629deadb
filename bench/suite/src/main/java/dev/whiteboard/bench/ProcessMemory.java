package dev.whiteboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process as Linux reports it in /proc/<pid>/status. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** VmRSS: what the process holds in RAM now, in MiB. */
    static double residentMiB(long pid) {
        return field(pid, "VmRSS:") / 1024.0;
    }

    /** VmHWM: the most it has held in RAM since it started, in MiB. */
    static double peakResidentMiB(long pid) {
        return field(pid, "VmHWM:") / 1024.0;
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid + " (Linux only)", e);
        }
        throw new IllegalStateException(name + " missing for process " + pid);
    }
}
