package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the step that most likely went wrong between a computed figure and a candidate's: a units
 * slip of 1,000 or 1,024, bits for bytes, a day/month or day/second mix-up, a missed read/write
 * ratio, replication factor, retention or peak factor, or one pair of those.
 */
final class GapExplainer {
    private static final double CLOSE = Math.log(1.05);
    private static final double VERY_CLOSE = Math.log(1.005);

    private static final Set<FigureKey> READS = Set.of(FigureKey.READS_PER_DAY, FigureKey.READ_QPS,
            FigureKey.PEAK_READ_QPS, FigureKey.EGRESS_BYTES_PER_SECOND, FigureKey.CACHE_BYTES);
    private static final Set<FigureKey> WRITES = Set.of(FigureKey.WRITES_PER_DAY, FigureKey.WRITE_QPS,
            FigureKey.PEAK_WRITE_QPS, FigureKey.INGRESS_BYTES_PER_SECOND, FigureKey.STORAGE_PER_DAY_BYTES);
    private static final Set<FigureKey> PEAKS = Set.of(FigureKey.PEAK_WRITE_QPS, FigureKey.PEAK_READ_QPS,
            FigureKey.SERVERS);
    private static final Set<FigureKey> RETAINED = Set.of(FigureKey.STORAGE_TOTAL_BYTES, FigureKey.SHARDS);
    private static final Set<FigureKey> PER_SECOND = Set.of(FigureKey.WRITE_QPS, FigureKey.READ_QPS,
            FigureKey.PEAK_WRITE_QPS, FigureKey.PEAK_READ_QPS, FigureKey.INGRESS_BYTES_PER_SECOND,
            FigureKey.EGRESS_BYTES_PER_SECOND, FigureKey.SERVERS);
    private static final Set<FigureKey> PER_DAY = Set.of(FigureKey.WRITES_PER_DAY, FigureKey.READS_PER_DAY,
            FigureKey.STORAGE_PER_DAY_BYTES, FigureKey.CACHE_BYTES);

    private GapExplainer() {
    }

    /**
     * The slip whose factor lies closest to the ratio, or for a figure more than 10x off, the pair of
     * slips; null when none is close. Pairs are not tried nearer than 10x, where too many fit by chance.
     */
    static String explain(FigureKey figure, double ratio, boolean tryPairs, EstimateInputs in) {
        List<Slip> slips = slips(figure, in);
        double logRatio = Math.log(ratio);
        Slip best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Slip slip : slips) {
            double distance = Math.abs(logRatio - Math.log(slip.factor()));
            if (distance < (slip.fine() ? VERY_CLOSE : CLOSE) && distance < bestDistance) {
                best = slip;
                bestDistance = distance;
            }
        }
        if (best != null || !tryPairs) {
            return best == null ? null : best.description();
        }
        String pair = null;
        for (int i = 0; i < slips.size(); i++) {
            for (int j = i + 1; j < slips.size(); j++) {
                Slip a = slips.get(i);
                Slip b = slips.get(j);
                if (a.fine() || b.fine()) {
                    continue;
                }
                double distance = Math.abs(logRatio - Math.log(a.factor() * b.factor()));
                if (distance < CLOSE && distance < bestDistance) {
                    pair = a.description() + ", and " + b.description();
                    bestDistance = distance;
                }
            }
        }
        return pair;
    }

    private static List<Slip> slips(FigureKey figure, EstimateInputs in) {
        List<Slip> slips = new ArrayList<>(24);
        boolean bytes = figure.unit() == Unit.BYTES || figure.unit() == Unit.BYTES_PER_SECOND;
        both(slips, 1000, "a units slip of 1,000 (one decimal prefix, such as thousands for millions or KB for MB)");
        both(slips, 1e6, "a units slip of 1,000,000 (two decimal prefixes, such as KB for GB)");
        if (bytes) {
            both(slips, 1024, "a units slip of 1,024 (one binary prefix, such as KiB for MiB)");
            both(slips, 1024.0 * 1024, "a units slip of 1,048,576 (two binary prefixes, such as KiB for GiB)");
            for (int k = 1; k <= 5; k++) {
                double factor = Math.pow(1.024, k);
                both(slips, factor, true, "decimal and binary prefixes mixed up ("
                        + new String[] {"KB and KiB", "MB and MiB", "GB and GiB", "TB and TiB", "PB and PiB"}[k - 1]
                        + " differ by " + percent(factor) + ")");
            }
            both(slips, 8, "bits and bytes mixed up (8 bits a byte)");
        }
        if (PER_SECOND.contains(figure) || PER_DAY.contains(figure)) {
            both(slips, 30, "a day/month mix-up (30 days a month)");
            both(slips, 365, "a day/year mix-up (365 days a year)");
            both(slips, 24, "a day/hour mix-up (24 hours a day)");
        }
        if (PER_SECOND.contains(figure)) {
            double day = in.convention().secondsPerDay().doubleValue();
            both(slips, day, "per day and per second mixed up (a day is "
                    + NumberText.grouped(in.convention().secondsPerDay().setScale(0, RoundingMode.HALF_UP))
                    + " s here)");
            both(slips, 3600, "per hour and per second mixed up (3,600 s an hour)");
            both(slips, 60, "per minute and per second mixed up (60 s a minute)");
        }
        if (figure == FigureKey.STORAGE_PER_YEAR_BYTES) {
            both(slips, 12, "a month/year mix-up (12 months a year)");
            both(slips, 365, "a day/year mix-up (365 days a year)");
        }
        double ratio = in.readsPerWrite().doubleValue();
        if (ratio != 1) {
            String times = NumberText.grouped(in.readsPerWrite());
            if (READS.contains(figure)) {
                slips.add(Slip.of(1 / ratio, "the read/write ratio of " + times + " left out (the write rate used for reads)"));
                slips.add(Slip.of(ratio, "the read/write ratio of " + times + " applied twice"));
            } else if (WRITES.contains(figure)) {
                slips.add(Slip.of(ratio, "the read rate used for writes (read/write ratio " + times + ")"));
            }
        }
        if (RETAINED.contains(figure)) {
            factor(slips, in.replicationFactor(), "the replication factor of %s left out", "the replication factor of %s applied twice");
            factor(slips, in.retentionYears(), "one year counted instead of the %s-year retention", null);
            if (figure == FigureKey.STORAGE_TOTAL_BYTES) {
                slips.add(Slip.of(1 / 365.0, "a day's storage counted for a year's (365 days a year)"));
            }
        }
        if (PEAKS.contains(figure)) {
            factor(slips, in.peakFactor(), "the peak factor of %s left out (the average given, not the peak)",
                    "the peak factor of %s applied twice");
        }
        if (figure == FigureKey.CACHE_BYTES) {
            BigDecimal fraction = in.cacheFraction();
            if (fraction.compareTo(BigDecimal.ONE) != 0) {
                String share = NumberText.grouped(fraction.movePointRight(2)) + "%";
                slips.add(Slip.of(1 / fraction.doubleValue(), "all of a day's reads cached instead of " + share));
                slips.add(Slip.of(fraction.doubleValue(), "the " + share + " cache share applied twice"));
            }
        }
        return slips;
    }

    private static void factor(List<Slip> slips, BigDecimal value, String missed, String twice) {
        double factor = value.doubleValue();
        if (factor == 1) {
            return;
        }
        String shown = NumberText.grouped(value);
        slips.add(Slip.of(1 / factor, String.format(missed, shown)));
        if (twice != null) {
            slips.add(Slip.of(factor, String.format(twice, shown)));
        }
    }

    private static void both(List<Slip> slips, double factor, String description) {
        both(slips, factor, false, description);
    }

    private static void both(List<Slip> slips, double factor, boolean fine, String description) {
        slips.add(new Slip(factor, description, fine));
        slips.add(new Slip(1 / factor, description, fine));
    }

    private static String percent(double factor) {
        return String.format("%.1f%%", (factor - 1) * 100);
    }
}
