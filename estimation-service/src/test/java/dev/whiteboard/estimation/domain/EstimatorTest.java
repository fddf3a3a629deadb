package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of the template's arithmetic, checked figure by figure. */
class EstimatorTest {
    private final Estimator estimator = new Estimator();

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static EstimateInputs.Builder hundredMillionADay() {
        return EstimateInputs.builder().writes(n("100000000")).per(Period.DAY).readsPerWrite(n("10"))
                .writeSizeBytes(n("1000")).readSizeBytes(n("1000"));
    }

    @Test
    void templateExampleOnRoundedDays() {
        Estimate estimate = estimator.estimate(hundredMillionADay().build());

        assertThat(estimate.convention()).isEqualTo(TimeConvention.ROUNDED_DAY);
        assertThat(estimate.figure(FigureKey.WRITES_PER_DAY).value()).isEqualByComparingTo("100000000");
        assertThat(estimate.figure(FigureKey.READS_PER_DAY).value()).isEqualByComparingTo("1000000000");
        assertThat(estimate.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("1000");
        assertThat(estimate.figure(FigureKey.READ_QPS).value()).isEqualByComparingTo("10000");
        assertThat(estimate.figure(FigureKey.STORAGE_PER_DAY_BYTES).value()).isEqualByComparingTo("100000000000");
        assertThat(estimate.figure(FigureKey.STORAGE_PER_YEAR_BYTES).value()).isEqualByComparingTo("36500000000000");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).value()).isEqualByComparingTo("182500000000000");
        assertThat(estimate.figure(FigureKey.INGRESS_BYTES_PER_SECOND).value()).isEqualByComparingTo("1000000");
        assertThat(estimate.figure(FigureKey.EGRESS_BYTES_PER_SECOND).value()).isEqualByComparingTo("10000000");
        assertThat(estimate.figure(FigureKey.CACHE_BYTES).value()).isEqualByComparingTo("200000000000");
        assertThat(estimate.figure(FigureKey.WRITE_QPS).formula())
                .isEqualTo("writes/s = 100,000,000 / 100,000 s = 1,000/s");
        assertThat(estimate.figure(FigureKey.STORAGE_PER_DAY_BYTES).formula())
                .isEqualTo("storage/day = 100,000,000 writes/day x 1,000 bytes = 100,000,000,000 bytes");
        assertThat(estimate.figure(FigureKey.STORAGE_PER_DAY_BYTES).decimal()).isEqualTo("100 GB");
        assertThat(estimate.figure(FigureKey.STORAGE_PER_DAY_BYTES).binary()).isEqualTo("93.1 GiB");
        assertThat(estimate.figures()).doesNotContainKeys(FigureKey.SERVERS, FigureKey.SHARDS);
    }

    @Test
    void exactDaysDivideBy86400AndSayTheResultIsRounded() {
        Estimate estimate = estimator.estimate(hundredMillionADay().convention(TimeConvention.EXACT).build());

        assertThat(estimate.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("1157.4074074074074");
        assertThat(estimate.figure(FigureKey.WRITE_QPS).formula())
                .isEqualTo("writes/s = 100,000,000 / 86,400 s ~ 1,157.41/s");
        assertThat(estimate.figure(FigureKey.WRITE_QPS).decimal()).isEqualTo("1.16 thousand writes/s");
        assertThat(estimate.assumptions().get(0)).startsWith("EXACT: a day is 86,400 s");
    }

    @Test
    void roundedMonthsUseTwoAndAHalfMillionSecondsAMonth() {
        Estimate daily = estimator.estimate(hundredMillionADay().convention(TimeConvention.ROUNDED_MONTH).build());
        assertThat(daily.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("1200");
        assertThat(daily.figure(FigureKey.WRITE_QPS).formula())
                .isEqualTo("writes/s = 100,000,000 x 30 days / 2,500,000 s = 1,200/s");

        Estimate monthly = estimator.estimate(EstimateInputs.builder().writes(n("500000000")).per(Period.MONTH)
                .convention(TimeConvention.ROUNDED_MONTH).build());
        assertThat(monthly.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("200");
        assertThat(monthly.figure(FigureKey.WRITE_QPS).formula()).isEqualTo("writes/s = 500,000,000 / 2,500,000 s = 200/s");
        assertThat(monthly.figure(FigureKey.WRITES_PER_DAY).formula())
                .isEqualTo("writes/day = 500,000,000/month / 30 days ~ 16,666,666.67/day");
    }

    @Test
    void trafficPerUserPerSecondAndPerYear() {
        Estimate perUser = estimator.estimate(EstimateInputs.builder().dailyActiveUsers(n("10000000"))
                .writesPerUserPerDay(n("10")).build());
        assertThat(perUser.figure(FigureKey.WRITES_PER_DAY).value()).isEqualByComparingTo("100000000");
        assertThat(perUser.figure(FigureKey.WRITES_PER_DAY).formula())
                .isEqualTo("writes/day = 10,000,000 users x 10 writes/user/day = 100,000,000/day");

        Estimate perSecond = estimator.estimate(EstimateInputs.builder().writes(n("1000")).per(Period.SECOND)
                .convention(TimeConvention.EXACT).build());
        assertThat(perSecond.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("1000");
        assertThat(perSecond.figure(FigureKey.WRITE_QPS).formula()).isEqualTo("writes/s = 1,000/s (given)");
        assertThat(perSecond.figure(FigureKey.WRITES_PER_DAY).value()).isEqualByComparingTo("86400000");

        Estimate perYear = estimator.estimate(EstimateInputs.builder().writes(n("36500000000")).per(Period.YEAR).build());
        assertThat(perYear.figure(FigureKey.WRITES_PER_DAY).value()).isEqualByComparingTo("100000000");
        assertThat(perYear.figure(FigureKey.WRITE_QPS).value()).isEqualByComparingTo("1000");
        assertThat(perYear.figure(FigureKey.WRITE_QPS).formula())
                .isEqualTo("writes/s = 36,500,000,000 / (365 days x 100,000 s) = 1,000/s");
    }

    @Test
    void peakReplicationRetentionAndFleetSizes() {
        Estimate estimate = estimator.estimate(hundredMillionADay().peakFactor(n("3")).replicationFactor(n("3"))
                .retentionYears(n("2")).serverCapacityQps(n("5000")).shardCapacityBytes(n("1000000000000")).build());

        assertThat(estimate.figure(FigureKey.PEAK_WRITE_QPS).value()).isEqualByComparingTo("3000");
        assertThat(estimate.figure(FigureKey.PEAK_READ_QPS).value()).isEqualByComparingTo("30000");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).value()).isEqualByComparingTo("219000000000000");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).formula())
                .isEqualTo("storage total = 36,500,000,000,000 bytes/year x 2 years x 3 replicas = 219,000,000,000,000 bytes");
        // (3,000 + 30,000) / 5,000 = 6.6: 7 servers; 219 TB / 1 TB: 219 shards
        assertThat(estimate.figure(FigureKey.SERVERS).value()).isEqualByComparingTo("7");
        assertThat(estimate.figure(FigureKey.SHARDS).value()).isEqualByComparingTo("219");
        assertThat(estimate.figure(FigureKey.SHARDS).formula())
                .isEqualTo("shards = ceil(219,000,000,000,000 bytes / 1,000,000,000,000 bytes per shard) = 219 shards");
    }

    @Test
    void ceilingOfShardsIsExactForHugeStorage() {
        // 10^12 writes × 10^9 bytes × 365 × 5 × 3 = 5,475 × 10^21 bytes; one byte more per shard than fits
        Estimate estimate = estimator.estimate(EstimateInputs.builder().writes(n("1000000000000")).per(Period.DAY)
                .writeSizeBytes(n("1000000000")).replicationFactor(n("3"))
                .shardCapacityBytes(n("999999999999999999")).build());
        BigDecimal total = estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).value();
        assertThat(total).isEqualByComparingTo("5475000000000000000000000");
        // 5,475 × 10^21 / (10^18 - 1) = 5,475,000.000000000005475...: one shard more than 5,475,000
        assertThat(estimate.figure(FigureKey.SHARDS).value()).isEqualByComparingTo("5475001");
        Estimate evenly = estimator.estimate(EstimateInputs.builder().writes(n("1000000000000")).per(Period.DAY)
                .writeSizeBytes(n("1000000000")).replicationFactor(n("3"))
                .shardCapacityBytes(n("1000000000000000000")).build());
        assertThat(evenly.figure(FigureKey.SHARDS).value()).isEqualByComparingTo("5475000");
    }

    @Test
    void extremeInputsStayExactAndPositive() {
        Estimate estimate = estimator.estimate(EstimateInputs.builder().writes(n("1000000000000")).per(Period.DAY)
                .readsPerWrite(n("100")).writeSizeBytes(n("1000000000")).readSizeBytes(n("1000000000"))
                .retentionYears(n("5")).replicationFactor(n("3")).build());

        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).value()).isEqualByComparingTo("5475000000000000000000000");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).decimal()).isEqualTo("5.48 YB");
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).binary()).isEqualTo("4.53 YiB");
        assertThat(estimate.figure(FigureKey.EGRESS_BYTES_PER_SECOND).value()).isEqualByComparingTo("1000000000000000000");
        assertThat(estimate.figure(FigureKey.CACHE_BYTES).value()).isEqualByComparingTo("20000000000000000000000");
        assertThat(estimate.figures().values()).allSatisfy(figure -> assertThat(figure.value()).isPositive());
    }

    @Test
    void largestAcceptedInputsEverywhere() {
        Estimate estimate = estimator.estimate(EstimateInputs.builder().dailyActiveUsers(n("1E10"))
                .writesPerUserPerDay(n("100")).readsPerWrite(n("1E6")).writeSizeBytes(n("1E10"))
                .readSizeBytes(n("1E10")).retentionYears(n("100")).replicationFactor(n("10")).peakFactor(n("100"))
                .cacheFraction(n("1")).serverCapacityQps(n("0.001")).shardCapacityBytes(n("1"))
                .convention(TimeConvention.EXACT).build());

        // 10^12 writes × 10^10 bytes × 365 days × 100 years × 10 replicas
        assertThat(estimate.figure(FigureKey.STORAGE_TOTAL_BYTES).value()).isEqualByComparingTo("3.65E27");
        assertThat(estimate.figure(FigureKey.SHARDS).value()).isEqualByComparingTo("3.65E27");
        assertThat(estimate.figure(FigureKey.READS_PER_DAY).value()).isEqualByComparingTo("1E18");
        assertThat(estimate.figures().values()).allSatisfy(figure -> {
            assertThat(figure.value()).isPositive();
            assertThat(figure.decimal()).doesNotContain("NaN", "Infinity", "-");
            assertThat(figure.binary()).doesNotContain("NaN", "Infinity", "-");
        });
    }

    @Test
    void figuresNeedingSizesOrCapacitiesAreLeftOutAndSaidSo() {
        Estimate estimate = estimator.estimate(EstimateInputs.builder().writes(n("10")).per(Period.SECOND).build());

        assertThat(estimate.figures()).containsOnlyKeys(FigureKey.WRITES_PER_DAY, FigureKey.READS_PER_DAY,
                FigureKey.WRITE_QPS, FigureKey.READ_QPS, FigureKey.PEAK_WRITE_QPS, FigureKey.PEAK_READ_QPS);
        assertThat(estimate.assumptions()).contains("no writeSizeBytes given: storage and ingress are left out",
                "1 read per write (default)");
        assertThat(estimate.assumptions().get(0)).startsWith("ROUNDED_DAY (default): a day is 100,000 s");
    }

    @Test
    void readSizeDefaultsToTheWriteSize() {
        Estimate estimate = estimator.estimate(EstimateInputs.builder().writes(n("100000")).per(Period.DAY)
                .writeSizeBytes(n("500")).build());

        assertThat(estimate.figure(FigureKey.EGRESS_BYTES_PER_SECOND).value()).isEqualByComparingTo("500");
        assertThat(estimate.assumptions()).contains("a read returns the object written: readSizeBytes = writeSizeBytes");
    }
}
