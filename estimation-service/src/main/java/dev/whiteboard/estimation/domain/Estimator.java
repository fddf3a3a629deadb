package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The capacity arithmetic of the template's estimation phase: events a day, QPS, the read/write
 * split, storage for a day, a year and the retention period, bandwidth, a cache by the 80-20 rule,
 * and fleet and shard counts when capacities are given.
 */
public final class Estimator {

    public Estimate estimate(EstimateInputs in) {
        Worksheet sheet = new Worksheet();
        BigDecimal writesPerDay = writesPerDay(in.traffic(), in.convention(), sheet);
        BigDecimal writeQps = writeQps(in.traffic(), writesPerDay, in.convention(), sheet);
        BigDecimal ratio = in.readsPerWrite();

        BigDecimal readsPerDay = sheet.put(FigureKey.READS_PER_DAY, Exact.multiply(writesPerDay, ratio),
                sheet.formula("reads/day").number(writesPerDay).text(" writes/day x ").number(ratio).text(" reads/write"));
        BigDecimal readQps = sheet.put(FigureKey.READ_QPS, Exact.multiply(writeQps, ratio),
                sheet.formula("reads/s").number(writeQps).text(" writes/s x ").number(ratio).text(" reads/write"));

        BigDecimal peak = in.peakFactor();
        BigDecimal peakWriteQps = sheet.put(FigureKey.PEAK_WRITE_QPS, Exact.multiply(writeQps, peak),
                sheet.formula("peak writes/s").number(writeQps).text(" writes/s x ").number(peak).text(" peak factor"));
        BigDecimal peakReadQps = sheet.put(FigureKey.PEAK_READ_QPS, Exact.multiply(readQps, peak),
                sheet.formula("peak reads/s").number(readQps).text(" reads/s x ").number(peak).text(" peak factor"));

        if (in.writeSizeBytes() != null) {
            storageAndIngress(in, writesPerDay, writeQps, sheet);
        }
        BigDecimal readSize = in.effectiveReadSizeBytes();
        if (readSize != null) {
            sheet.put(FigureKey.EGRESS_BYTES_PER_SECOND, Exact.multiply(readQps, readSize),
                    sheet.formula("egress").number(readQps).text(" reads/s x ").number(readSize).text(" bytes"));
            sheet.put(FigureKey.CACHE_BYTES, Exact.multiply(Exact.multiply(readsPerDay, readSize), in.cacheFraction()),
                    sheet.formula("cache").number(readsPerDay).text(" reads/day x ").number(readSize)
                            .text(" bytes x ").number(in.cacheFraction()).text(" cached"));
        }
        if (in.serverCapacityQps() != null) {
            BigDecimal capacity = in.serverCapacityQps();
            sheet.put(FigureKey.SERVERS, peakWriteQps.add(peakReadQps).divide(capacity, 0, RoundingMode.CEILING),
                    sheet.formula("servers").text("ceil((").number(peakWriteQps).text(" + ").number(peakReadQps)
                            .text(") requests/s at peak / ").number(capacity).text(" requests/s per server)"));
        }
        return new Estimate(in.convention(), sheet.figures(), assumptions(in));
    }

    private static BigDecimal writesPerDay(Traffic traffic, TimeConvention convention, Worksheet sheet) {
        if (traffic instanceof Traffic.PerUser perUser) {
            return sheet.put(FigureKey.WRITES_PER_DAY,
                    Exact.multiply(perUser.dailyActiveUsers(), perUser.writesPerUserPerDay()),
                    sheet.formula("writes/day").number(perUser.dailyActiveUsers()).text(" users x ")
                            .number(perUser.writesPerUserPerDay()).text(" writes/user/day"));
        }
        Traffic.Absolute absolute = (Traffic.Absolute) traffic;
        BigDecimal writes = absolute.writes();
        return switch (absolute.per()) {
            case SECOND -> sheet.put(FigureKey.WRITES_PER_DAY, convention.perDay(writes),
                    sheet.formula("writes/day").number(writes).text("/s").text(convention.multiplierText()));
            case DAY -> sheet.given(FigureKey.WRITES_PER_DAY, writes, "writes/day", "/day");
            case MONTH -> sheet.put(FigureKey.WRITES_PER_DAY, Exact.divide(writes, TimeConvention.DAYS_PER_MONTH),
                    sheet.formula("writes/day").number(writes).text("/month / 30 days"));
            case YEAR -> sheet.put(FigureKey.WRITES_PER_DAY, Exact.divide(writes, TimeConvention.DAYS_PER_YEAR),
                    sheet.formula("writes/day").number(writes).text("/year / 365 days"));
        };
    }

    /** Writes a second straight from the traffic as given, so that no rounded per-day figure comes in between. */
    private static BigDecimal writeQps(Traffic traffic, BigDecimal writesPerDay, TimeConvention convention,
                                       Worksheet sheet) {
        if (traffic instanceof Traffic.Absolute absolute && absolute.per() == Period.SECOND) {
            return sheet.given(FigureKey.WRITE_QPS, absolute.writes(), "writes/s", "/s");
        }
        if (traffic instanceof Traffic.Absolute absolute && absolute.per() != Period.DAY) {
            boolean monthly = absolute.per() == Period.MONTH;
            return sheet.put(FigureKey.WRITE_QPS, convention.perSecond(absolute.writes(),
                            monthly ? TimeConvention.DAYS_PER_MONTH : TimeConvention.DAYS_PER_YEAR),
                    sheet.formula("writes/s").number(absolute.writes()).text(convention.spanDivisorText(monthly ? 30 : 365)));
        }
        return sheet.put(FigureKey.WRITE_QPS, convention.perSecond(writesPerDay),
                sheet.formula("writes/s").number(writesPerDay).text(convention.divisorText()));
    }

    private static void storageAndIngress(EstimateInputs in, BigDecimal writesPerDay, BigDecimal writeQps,
                                          Worksheet sheet) {
        BigDecimal writeSize = in.writeSizeBytes();
        BigDecimal perDay = sheet.put(FigureKey.STORAGE_PER_DAY_BYTES, Exact.multiply(writesPerDay, writeSize),
                sheet.formula("storage/day").number(writesPerDay).text(" writes/day x ").number(writeSize).text(" bytes"));
        BigDecimal perYear = sheet.put(FigureKey.STORAGE_PER_YEAR_BYTES, Exact.multiply(perDay, TimeConvention.DAYS_PER_YEAR),
                sheet.formula("storage/year").number(perDay).text(" bytes/day x 365 days"));
        BigDecimal total = sheet.put(FigureKey.STORAGE_TOTAL_BYTES,
                Exact.multiply(Exact.multiply(perYear, in.retentionYears()), in.replicationFactor()),
                sheet.formula("storage total").number(perYear).text(" bytes/year x ").number(in.retentionYears())
                        .text(" years x ").number(in.replicationFactor())
                        .text(in.replicationFactor().compareTo(BigDecimal.ONE) == 0 ? " replica" : " replicas"));
        sheet.put(FigureKey.INGRESS_BYTES_PER_SECOND, Exact.multiply(writeQps, writeSize),
                sheet.formula("ingress").number(writeQps).text(" writes/s x ").number(writeSize).text(" bytes"));
        if (in.shardCapacityBytes() != null) {
            BigDecimal capacity = in.shardCapacityBytes();
            sheet.put(FigureKey.SHARDS, total.divide(capacity, 0, RoundingMode.CEILING),
                    sheet.formula("shards").text("ceil(").number(total).text(" bytes / ").number(capacity)
                            .text(" bytes per shard)"));
        }
    }

    private static List<String> assumptions(EstimateInputs in) {
        List<String> out = new ArrayList<>(8);
        out.add(in.defaulted().contains(EstimateInputs.Defaulted.TIME_CONVENTION)
                ? in.convention().assumedByDefault() : in.convention().assumed());
        out.add(NumberText.grouped(in.readsPerWrite())
                + (in.readsPerWrite().compareTo(BigDecimal.ONE) == 0 ? " read per write" : " reads per write")
                + defaultMark(in, EstimateInputs.Defaulted.READS_PER_WRITE));
        if (in.writeSizeBytes() == null) {
            out.add("no writeSizeBytes given: storage and ingress are left out");
        }
        if (in.effectiveReadSizeBytes() == null) {
            out.add("no readSizeBytes given: egress and cache are left out");
        } else if (in.defaulted().contains(EstimateInputs.Defaulted.READ_SIZE_BYTES)) {
            out.add("a read returns the object written: readSizeBytes = writeSizeBytes");
        }
        if (in.writeSizeBytes() != null) {
            out.add("data is kept " + NumberText.grouped(in.retentionYears()) + " years"
                    + defaultMark(in, EstimateInputs.Defaulted.RETENTION_YEARS) + ", replication factor "
                    + NumberText.grouped(in.replicationFactor())
                    + defaultMark(in, EstimateInputs.Defaulted.REPLICATION_FACTOR));
        }
        out.add("peak traffic is " + NumberText.grouped(in.peakFactor()) + "x the average"
                + defaultMark(in, EstimateInputs.Defaulted.PEAK_FACTOR));
        if (in.effectiveReadSizeBytes() != null) {
            out.add("the cache holds " + NumberText.grouped(in.cacheFraction().movePointRight(2))
                    + "% of a day's reads" + (in.cacheFraction().compareTo(EstimateInputs.DEFAULT_CACHE_FRACTION) == 0
                    ? " (the 80-20 rule)" : "") + defaultMark(in, EstimateInputs.Defaulted.CACHE_FRACTION));
        }
        return Collections.unmodifiableList(out);
    }

    private static String defaultMark(EstimateInputs in, EstimateInputs.Defaulted which) {
        return in.defaulted().contains(which) ? " (default)" : "";
    }
}
