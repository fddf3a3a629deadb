package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a candidate's figures against the computed ones: the ratio, a verdict, and one sentence
 * on the gap, naming the slip that explains it and any other time convention the figure matches.
 */
public final class Grader {
    public static final BigDecimal MAX_CANDIDATE = new BigDecimal("1E40");
    private static final MathContext RATIO = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final double MATCH = Math.log(1.01);

    private final Estimator estimator;

    public Grader(Estimator estimator) {
        this.estimator = estimator;
    }

    /**
     * @param candidate the candidate's figures by key; each must be computable from the inputs
     *                  (storage needs writeSizeBytes, servers serverCapacityQps, ...)
     */
    public GradeReport grade(EstimateInputs inputs, Map<FigureKey, BigDecimal> candidate) {
        Estimate asked = estimator.estimate(inputs);
        Map<TimeConvention, Estimate> others = new EnumMap<>(TimeConvention.class);
        List<Grade> grades = new ArrayList<>(candidate.size());
        for (FigureKey key : FigureKey.values()) {
            BigDecimal given = candidate.get(key);
            if (given == null) {
                continue;
            }
            String field = "candidate." + key.apiName();
            if (given.signum() < 0) {
                throw new InvalidInputException(field, "must not be negative");
            }
            if (given.compareTo(MAX_CANDIDATE) > 0) {
                throw new InvalidInputException(field, "must be at most 1E40");
            }
            Figure computed = asked.figure(key);
            if (computed == null) {
                throw new InvalidInputException(field, "is not computed from these inputs: " + requirement(key));
            }
            grades.add(grade(key, computed.value(), Exact.tidy(given), inputs, others));
        }
        return new GradeReport(inputs.convention(), List.copyOf(grades));
    }

    private Grade grade(FigureKey key, BigDecimal computed, BigDecimal given, EstimateInputs inputs,
                        Map<TimeConvention, Estimate> others) {
        BigDecimal ratio = Exact.tidy(given.divide(computed, RATIO));
        Verdict verdict = Verdict.of(ratio);
        StringBuilder sentence = new StringBuilder(200);
        double logRatio = given.signum() == 0 ? Double.NEGATIVE_INFINITY : Math.log(ratio.doubleValue());
        String convention = otherConventionMatched(key, given, logRatio, inputs, others);
        if (given.signum() == 0) {
            sentence.append("A zero estimate against the computed ").append(quantity(key, computed))
                    .append(": every figure here is positive.");
            return new Grade(key, computed, given, ratio, verdict, sentence.toString());
        }
        if (Math.abs(logRatio) < MATCH) {
            sentence.append("Matches the computed ").append(quantity(key, computed)).append('.');
            return new Grade(key, computed, given, ratio, verdict, sentence.toString());
        }
        sentence.append(quantity(key, given)).append(" is ").append(times(ratio)).append(" the computed ")
                .append(quantity(key, computed));
        if (convention != null) {
            sentence.append(": it matches the ").append(convention).append(", not the ")
                    .append(inputs.convention().name()).append(" asked for.");
            return new Grade(key, computed, given, ratio, verdict, sentence.toString());
        }
        String slip = GapExplainer.explain(key, ratio.doubleValue(), verdict == Verdict.OFF, inputs);
        if (slip != null) {
            sentence.append(verdict == Verdict.ACCURATE ? ", close enough, though it looks like " : ": it looks like ")
                    .append(slip).append('.');
        } else if (verdict == Verdict.ACCURATE) {
            sentence.append(", within 2x: close enough for a capacity estimate.");
        } else if (verdict == Verdict.ORDER_OF_MAGNITUDE) {
            sentence.append(", within an order of magnitude, but no single slip (units, day/month, read/write ratio, "
                    + "replication, peak) explains the gap: recheck each step.");
        } else {
            sentence.append(", more than an order of magnitude off, and no single slip (units, day/month, "
                    + "read/write ratio, replication, peak) explains it: recheck each step.");
        }
        return new Grade(key, computed, given, ratio, verdict, sentence.toString());
    }

    /** The name of another convention whose value the candidate matches within 1%, closer than the asked one. */
    private String otherConventionMatched(FigureKey key, BigDecimal given, double logRatio, EstimateInputs inputs,
                                          Map<TimeConvention, Estimate> others) {
        if (given.signum() == 0 || Math.abs(logRatio) < MATCH) {
            return null;
        }
        for (TimeConvention other : TimeConvention.values()) {
            if (other == inputs.convention()) {
                continue;
            }
            Estimate estimate = others.computeIfAbsent(other, c -> estimator.estimate(inputs.withConvention(c)));
            BigDecimal value = estimate.figure(key).value();
            double distance = Math.abs(Math.log(given.doubleValue() / value.doubleValue()));
            if (distance < MATCH && distance < Math.abs(logRatio)) {
                return other.name() + " convention (" + other.description() + ")";
            }
        }
        return null;
    }

    private static String quantity(FigureKey key, BigDecimal value) {
        StringBuilder out = new StringBuilder(48);
        NumberText.appendShown(out, value);
        out.append(' ').append(key.unit().symbol());
        if (key.unit() == Unit.BYTES || key.unit() == Unit.BYTES_PER_SECOND) {
            out.append(" (").append(key.unit().decimal(value)).append(')');
        }
        return out.toString();
    }

    private static String times(BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return significant(ratio) + "x";
        }
        return "1/" + significant(BigDecimal.ONE.divide(ratio, RATIO)) + " of";
    }

    private static String significant(BigDecimal value) {
        BigDecimal rounded = value.round(new MathContext(3, RoundingMode.HALF_UP));
        return NumberText.grouped(rounded);
    }

    private static String requirement(FigureKey key) {
        return switch (key) {
            case STORAGE_PER_DAY_BYTES, STORAGE_PER_YEAR_BYTES, STORAGE_TOTAL_BYTES, INGRESS_BYTES_PER_SECOND ->
                    "give writeSizeBytes";
            case EGRESS_BYTES_PER_SECOND, CACHE_BYTES -> "give readSizeBytes or writeSizeBytes";
            case SERVERS -> "give serverCapacityQps";
            case SHARDS -> "give shardCapacityBytes and writeSizeBytes";
            default -> "it always is";
        };
    }
}
