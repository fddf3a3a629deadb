package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** The reference tables a candidate estimates with: latency numbers and powers of two, with their sources. */
public final class ReferenceTables {
    public static final String LATENCY_SOURCE = "Jeff Dean, \"Designs, Lessons and Advice from Building Large "
            + "Distributed Systems\" (LADIS 2009) and Peter Norvig, \"Teach Yourself Programming in Ten Years\" "
            + "(norvig.com/21-days.html); the 2012 figures as collected by Jonas Bonér, "
            + "https://gist.github.com/jboner/2841832. Orders of magnitude, not measurements of today's hardware.";
    public static final String POWERS_SOURCE = "Exact powers of two; binary prefixes (KiB, MiB, ...) per "
            + "IEC 80000-13, decimal approximations as in the System Design Primer's powers-of-two table "
            + "(https://github.com/donnemartin/system-design-primer).";

    private static final List<LatencyNumber> LATENCY = List.of(
            latency("L1 cache reference", "0.5"),
            latency("Branch mispredict", "5"),
            latency("L2 cache reference", "7"),
            latency("Mutex lock/unlock", "25"),
            latency("Main memory reference", "100"),
            latency("Compress 1 KB with Zippy (Snappy)", "3000"),
            latency("Send 1 KB over a 1 Gbps network", "10000"),
            latency("Read 4 KB randomly from SSD", "150000"),
            latency("Read 1 MB sequentially from memory", "250000"),
            latency("Round trip within the same datacenter", "500000"),
            latency("Read 1 MB sequentially from SSD", "1000000"),
            latency("Disk seek", "10000000"),
            latency("Read 1 MB sequentially from disk", "20000000"),
            latency("Send a packet California to the Netherlands and back", "150000000"));

    private static final List<PowerOfTwo> POWERS = List.of(
            power(7, "128", "128 B", "ASCII has 2^7 characters"),
            power(8, "256", "256 B", "the values of one byte"),
            power(10, "1 thousand", "1 KiB", "about 1 KB"),
            power(16, "65 thousand", "64 KiB", "the values of two bytes; TCP ports"),
            power(20, "1 million", "1 MiB", "about 1 MB"),
            power(30, "1 billion", "1 GiB", "about 1 GB"),
            power(32, "4 billion", "4 GiB", "the values of an int; IPv4 addresses"),
            power(40, "1 trillion", "1 TiB", "about 1 TB"),
            power(50, "1 quadrillion", "1 PiB", "about 1 PB"),
            power(60, "1 quintillion", "1 EiB", "about 1 EB"),
            power(64, "18 quintillion", "16 EiB", "the values of a long"));

    private ReferenceTables() {
    }

    public static List<LatencyNumber> latency() {
        return LATENCY;
    }

    public static List<PowerOfTwo> powersOfTwo() {
        return POWERS;
    }

    private static LatencyNumber latency(String operation, String nanoseconds) {
        BigDecimal ns = new BigDecimal(nanoseconds);
        return new LatencyNumber(operation, ns, humanDuration(ns));
    }

    /** 0.5 ns, 3 µs, 150 ms: the largest unit that leaves at least 1. */
    static String humanDuration(BigDecimal nanoseconds) {
        String[] units = {" ns", " µs", " ms", " s"};
        int k = 0;
        BigDecimal value = nanoseconds;
        while (k < units.length - 1 && value.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            value = value.movePointLeft(3);
            k++;
        }
        return NumberText.grouped(value) + units[k];
    }

    private static PowerOfTwo power(int power, String approximately, String bytes, String note) {
        return new PowerOfTwo(power, BigInteger.ONE.shiftLeft(power), approximately, bytes, note);
    }
}
