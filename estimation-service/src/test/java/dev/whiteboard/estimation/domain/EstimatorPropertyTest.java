package dev.whiteboard.estimation.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the arithmetic over the whole range of valid inputs. */
class EstimatorPropertyTest {
    private static final Estimator ESTIMATOR = new Estimator();
    private static final Set<FigureKey> PER_SECOND = EnumSet.of(FigureKey.WRITE_QPS, FigureKey.READ_QPS,
            FigureKey.PEAK_WRITE_QPS, FigureKey.PEAK_READ_QPS, FigureKey.INGRESS_BYTES_PER_SECOND,
            FigureKey.EGRESS_BYTES_PER_SECOND);
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-15");

    /** A value spread evenly over the orders of magnitude of [min, max], with up to four significant digits. */
    private static Arbitrary<BigDecimal> within(InputLimits.Range range) {
        int low = range.min().precision() - range.min().scale() - 1;
        int high = range.max().precision() - range.max().scale() - 1;
        return Combinators.combine(Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(low - 3, high))
                .as((mantissa, exponent) -> new BigDecimal(mantissa).scaleByPowerOfTen(exponent))
                .map(value -> value.max(range.min()).min(range.max()));
    }

    @Provide
    Arbitrary<EstimateInputs> inputs() {
        Arbitrary<EstimateInputs.Builder> traffic = Arbitraries.oneOf(
                Combinators.combine(within(InputLimits.DAILY_ACTIVE_USERS), within(InputLimits.WRITES_PER_USER_PER_DAY))
                        .filter((users, each) -> users.multiply(each).compareTo(InputLimits.MAX_WRITES_PER_DAY) <= 0)
                        .as((users, each) -> EstimateInputs.builder().dailyActiveUsers(users).writesPerUserPerDay(each)),
                Arbitraries.of(Period.class).flatMap(per -> within(InputLimits.writes(per))
                        .map(writes -> EstimateInputs.builder().writes(writes).per(per))));
        return Combinators.combine(traffic, within(InputLimits.READS_PER_WRITE), within(InputLimits.WRITE_SIZE_BYTES),
                        within(InputLimits.READ_SIZE_BYTES), within(InputLimits.RETENTION_YEARS),
                        within(InputLimits.REPLICATION_FACTOR), within(InputLimits.PEAK_FACTOR),
                        within(InputLimits.CACHE_FRACTION))
                .as((builder, ratio, writeSize, readSize, retention, replication, peak, cache) -> builder
                        .readsPerWrite(ratio).writeSizeBytes(writeSize).readSizeBytes(readSize)
                        .retentionYears(retention).replicationFactor(replication).peakFactor(peak).cacheFraction(cache))
                .flatMap(builder -> Combinators.combine(Arbitraries.of(TimeConvention.class),
                                within(InputLimits.SERVER_CAPACITY_QPS), within(InputLimits.SHARD_CAPACITY_BYTES))
                        .as((convention, server, shard) -> builder.convention(convention).serverCapacityQps(server)
                                .shardCapacityBytes(shard).build()));
    }

    @Property(tries = 300)
    void everyFigureIsPositiveFiniteAndRendered(@ForAll("inputs") EstimateInputs inputs) {
        Estimate estimate = ESTIMATOR.estimate(inputs);

        assertThat(estimate.figures()).hasSize(FigureKey.values().length);
        for (Figure figure : estimate.figures().values()) {
            assertThat(figure.value().signum()).as(figure.key().apiName()).isPositive();
            assertThat(Double.isFinite(figure.value().doubleValue())).isTrue();
            for (String text : new String[] {figure.decimal(), figure.binary(), figure.formula()}) {
                assertThat(text).isNotBlank().doesNotContain("NaN", "Infinity", "E+", "E-", "-");
            }
            assertThat(figure.formula()).matches(".* [=~] [0-9,.]+.*");
        }
    }

    @Property(tries = 200)
    void moreWritesNeverMeanSmallerFigures(@ForAll("inputs") EstimateInputs inputs,
                                           @ForAll @IntRange(min = 2, max = 9) int times) {
        Traffic traffic = inputs.traffic();
        Traffic more;
        if (traffic instanceof Traffic.Absolute absolute) {
            BigDecimal writes = absolute.writes().multiply(BigDecimal.valueOf(times));
            if (writes.compareTo(InputLimits.writes(absolute.per()).max()) > 0) {
                return;
            }
            more = new Traffic.Absolute(writes, absolute.per());
        } else {
            Traffic.PerUser perUser = (Traffic.PerUser) traffic;
            more = new Traffic.PerUser(perUser.dailyActiveUsers(), perUser.writesPerUserPerDay().multiply(BigDecimal.valueOf(times)));
        }
        Estimate base = ESTIMATOR.estimate(inputs);
        Estimate bigger = ESTIMATOR.estimate(new EstimateInputs(more, inputs.readsPerWrite(), inputs.writeSizeBytes(),
                inputs.readSizeBytes(), inputs.retentionYears(), inputs.replicationFactor(), inputs.peakFactor(),
                inputs.cacheFraction(), inputs.convention(), inputs.serverCapacityQps(), inputs.shardCapacityBytes(),
                inputs.defaulted()));

        for (FigureKey key : FigureKey.values()) {
            assertThat(bigger.figure(key).value()).as(key.apiName()).isGreaterThanOrEqualTo(base.figure(key).value());
        }
        assertThat(bigger.figure(FigureKey.WRITES_PER_DAY).value()).isGreaterThan(base.figure(FigureKey.WRITES_PER_DAY).value());
    }

    @Property(tries = 200)
    void largerObjectsNeverMeanLessStorageOrBandwidth(@ForAll("inputs") EstimateInputs inputs) {
        BigDecimal doubled = inputs.writeSizeBytes().multiply(BigDecimal.valueOf(2));
        if (doubled.compareTo(InputLimits.WRITE_SIZE_BYTES.max()) > 0) {
            return;
        }
        Estimate base = ESTIMATOR.estimate(inputs);
        Estimate bigger = ESTIMATOR.estimate(new EstimateInputs(inputs.traffic(), inputs.readsPerWrite(), doubled,
                inputs.readSizeBytes(), inputs.retentionYears(), inputs.replicationFactor(), inputs.peakFactor(),
                inputs.cacheFraction(), inputs.convention(), inputs.serverCapacityQps(), inputs.shardCapacityBytes(),
                inputs.defaulted()));
        for (FigureKey key : EnumSet.of(FigureKey.STORAGE_PER_DAY_BYTES, FigureKey.STORAGE_PER_YEAR_BYTES,
                FigureKey.STORAGE_TOTAL_BYTES, FigureKey.INGRESS_BYTES_PER_SECOND)) {
            assertThat(bigger.figure(key).value()).isGreaterThan(base.figure(key).value());
        }
        assertThat(bigger.figure(FigureKey.SHARDS).value()).isGreaterThanOrEqualTo(base.figure(FigureKey.SHARDS).value());
    }

    @Property(tries = 300)
    void roundedDaysGive86400Over100000OfTheExactRates(@ForAll("inputs") EstimateInputs inputs) {
        if (inputs.traffic() instanceof Traffic.Absolute absolute && absolute.per() == Period.SECOND) {
            return; // rates given per second do not depend on the length of a day
        }
        Estimate rounded = ESTIMATOR.estimate(inputs.withConvention(TimeConvention.ROUNDED_DAY));
        Estimate exact = ESTIMATOR.estimate(inputs.withConvention(TimeConvention.EXACT));
        BigDecimal expected = new BigDecimal("0.864");

        for (FigureKey key : PER_SECOND) {
            BigDecimal ratio = rounded.figure(key).value().divide(exact.figure(key).value(), MathContext.DECIMAL128);
            assertThat(ratio.subtract(expected).abs()).as(key.apiName()).isLessThan(TOLERANCE);
        }
        for (FigureKey key : EnumSet.of(FigureKey.WRITES_PER_DAY, FigureKey.READS_PER_DAY,
                FigureKey.STORAGE_PER_DAY_BYTES, FigureKey.STORAGE_TOTAL_BYTES, FigureKey.CACHE_BYTES)) {
            assertThat(rounded.figure(key).value()).as(key.apiName()).isEqualByComparingTo(exact.figure(key).value());
        }
    }

    @Property(tries = 200)
    void ratesRoundTripBetweenSecondsAndDays(@ForAll("inputs") EstimateInputs inputs) {
        for (TimeConvention convention : TimeConvention.values()) {
            BigDecimal perSecond = ESTIMATOR.estimate(inputs.withConvention(convention)).figure(FigureKey.WRITE_QPS).value();
            BigDecimal perDay = ESTIMATOR.estimate(inputs.withConvention(convention)).figure(FigureKey.WRITES_PER_DAY).value();
            assertThat(relativeGap(convention.perDay(perSecond), perDay)).isLessThan(TOLERANCE);
            assertThat(relativeGap(convention.perSecond(convention.perDay(perSecond)), perSecond)).isLessThan(TOLERANCE);
        }
    }

    @Property(tries = 300)
    void humanRenderingsReadBackToTheValue(@ForAll("inputs") EstimateInputs inputs) {
        for (Figure figure : ESTIMATOR.estimate(inputs).figures().values()) {
            assertThat(relativeGap(readBack(figure.decimal(), false), figure.value()))
                    .as(figure.decimal() + " for " + figure.value()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            assertThat(relativeGap(readBack(figure.binary(), true), figure.value()))
                    .as(figure.binary() + " for " + figure.value()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        }
    }

    @Property(tries = 1000)
    void fastHumanRenderingAgreesWithDecimalArithmetic(@ForAll("inputs") EstimateInputs inputs,
                                                       @ForAll @IntRange(min = 0, max = 999) int nudge) {
        BigDecimal value = inputs.writeSizeBytes().multiply(inputs.readsPerWrite()).add(BigDecimal.valueOf(nudge));
        String[] decimal = {" B", " KB", " MB", " GB", " TB", " PB", " EB", " ZB", " YB", " RB", " QB"};
        String[] binary = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB", " ZiB", " YiB"};
        assertThat(NumberText.human(value, false, decimal, "")).isEqualTo(NumberText.humanExact(value, false, decimal, ""));
        assertThat(NumberText.human(value, true, binary, "")).isEqualTo(NumberText.humanExact(value, true, binary, ""));
    }

    /** Reads "1.27 TB", "1.16 TiB", "1.16 thousand writes/s", "1.13 Ki writes/s" back into base units. */
    private static BigDecimal readBack(String text, boolean binary) {
        String[] parts = text.split(" ");
        BigDecimal number = new BigDecimal(parts[0].replace(",", ""));
        if (parts.length < 2) {
            return number;
        }
        String prefix = parts[1].replace("/s", "");
        Map<String, Integer> decimal = Map.ofEntries(Map.entry("KB", 1), Map.entry("MB", 2), Map.entry("GB", 3),
                Map.entry("TB", 4), Map.entry("PB", 5), Map.entry("EB", 6), Map.entry("ZB", 7), Map.entry("YB", 8),
                Map.entry("RB", 9), Map.entry("QB", 10), Map.entry("thousand", 1), Map.entry("million", 2),
                Map.entry("billion", 3), Map.entry("trillion", 4), Map.entry("quadrillion", 5),
                Map.entry("quintillion", 6), Map.entry("sextillion", 7), Map.entry("septillion", 8));
        Map<String, Integer> powers = Map.ofEntries(Map.entry("KiB", 1), Map.entry("MiB", 2), Map.entry("GiB", 3),
                Map.entry("TiB", 4), Map.entry("PiB", 5), Map.entry("EiB", 6), Map.entry("ZiB", 7), Map.entry("YiB", 8),
                Map.entry("Ki", 1), Map.entry("Mi", 2), Map.entry("Gi", 3), Map.entry("Ti", 4), Map.entry("Pi", 5),
                Map.entry("Ei", 6), Map.entry("Zi", 7), Map.entry("Yi", 8));
        if (binary && powers.containsKey(prefix)) {
            return number.multiply(BigDecimal.valueOf(1024).pow(powers.get(prefix)));
        }
        if (!binary && decimal.containsKey(prefix)) {
            return number.scaleByPowerOfTen(3 * decimal.get(prefix));
        }
        return number;
    }

    private static BigDecimal relativeGap(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().divide(b.abs(), MathContext.DECIMAL64);
    }
}
