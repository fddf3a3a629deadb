package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraderTest {
    private final Grader grader = new Grader(new Estimator());

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    /** 100M writes a day, 10 reads each, 1 KB objects, 3 replicas, peak 2x: 1,000 writes/s, 100 GB a day. */
    private static EstimateInputs inputs() {
        return EstimateInputs.builder().writes(n("100000000")).per(Period.DAY).readsPerWrite(n("10"))
                .writeSizeBytes(n("1000")).replicationFactor(n("3")).peakFactor(n("2")).build();
    }

    private Grade grade(FigureKey key, String candidate) {
        GradeReport report = grader.grade(inputs(), Map.of(key, n(candidate)));
        assertThat(report.grades()).hasSize(1);
        return report.grades().get(0);
    }

    @Test
    void verdictBoundariesAreTwoAndTenTimes() {
        assertThat(grade(FigureKey.WRITE_QPS, "1000").verdict()).isEqualTo(Verdict.ACCURATE);
        assertThat(grade(FigureKey.WRITE_QPS, "2000").verdict()).isEqualTo(Verdict.ACCURATE);
        assertThat(grade(FigureKey.WRITE_QPS, "500").verdict()).isEqualTo(Verdict.ACCURATE);
        assertThat(grade(FigureKey.WRITE_QPS, "2001").verdict()).isEqualTo(Verdict.ORDER_OF_MAGNITUDE);
        assertThat(grade(FigureKey.WRITE_QPS, "10000").verdict()).isEqualTo(Verdict.ORDER_OF_MAGNITUDE);
        assertThat(grade(FigureKey.WRITE_QPS, "100").verdict()).isEqualTo(Verdict.ORDER_OF_MAGNITUDE);
        assertThat(grade(FigureKey.WRITE_QPS, "10001").verdict()).isEqualTo(Verdict.OFF);
        assertThat(grade(FigureKey.WRITE_QPS, "99").verdict()).isEqualTo(Verdict.OFF);
        assertThat(grade(FigureKey.WRITE_QPS, "0").verdict()).isEqualTo(Verdict.OFF);
    }

    @Test
    void aMatchSaysSo() {
        Grade grade = grade(FigureKey.STORAGE_PER_DAY_BYTES, "100000000000");
        assertThat(grade.ratio()).isEqualByComparingTo("1");
        assertThat(grade.explanation()).isEqualTo("Matches the computed 100,000,000,000 bytes (100 GB).");
    }

    @Test
    void unitSlipsOfAThousandAndOf1024() {
        Grade thousand = grade(FigureKey.WRITE_QPS, "1000000");
        assertThat(thousand.verdict()).isEqualTo(Verdict.OFF);
        assertThat(thousand.ratio()).isEqualByComparingTo("1000");
        assertThat(thousand.explanation()).startsWith("1,000,000 writes/s is 1,000x the computed 1,000 writes/s")
                .contains("a units slip of 1,000");

        Grade binary = grade(FigureKey.STORAGE_PER_DAY_BYTES, "97656250");
        assertThat(binary.verdict()).isEqualTo(Verdict.OFF);
        assertThat(binary.explanation()).contains("1/1,020 of the computed").contains("a units slip of 1,024");

        Grade prefixes = grade(FigureKey.STORAGE_PER_DAY_BYTES, "93132257461.5");
        assertThat(prefixes.verdict()).isEqualTo(Verdict.ACCURATE);
        assertThat(prefixes.explanation()).contains("GB and GiB");
    }

    @Test
    void dayMonthMixUpAndPerDayForPerSecond() {
        assertThat(grade(FigureKey.WRITES_PER_DAY, "3000000000").explanation()).contains("a day/month mix-up");
        assertThat(grade(FigureKey.WRITE_QPS, "100000000").explanation())
                .contains("per day and per second mixed up (a day is 100,000 s here)");
    }

    @Test
    void missedReadWriteRatioReplicationAndPeak() {
        assertThat(grade(FigureKey.READ_QPS, "1000").explanation()).contains("the read/write ratio of 10 left out");
        assertThat(grade(FigureKey.STORAGE_TOTAL_BYTES, "182500000000000").explanation())
                .contains("the replication factor of 3 left out");
        assertThat(grade(FigureKey.PEAK_WRITE_QPS, "1000").explanation()).contains("the peak factor of 2 left out");
        assertThat(grade(FigureKey.EGRESS_BYTES_PER_SECOND, "80000000").explanation()).contains("bits and bytes");
    }

    @Test
    void twoSlipsAtOnceWhenFarOff() {
        // 100x the computed 10,000 reads/s: a units slip of 1,000 on top of the read/write ratio of 10 left out
        Grade grade = grade(FigureKey.READ_QPS, "1000000");
        assertThat(grade.verdict()).isEqualTo(Verdict.OFF);
        assertThat(grade.explanation()).contains("a units slip of 1,000").contains("read/write ratio of 10");
    }

    @Test
    void anotherTimeConventionIsNamed() {
        Grade exact = grade(FigureKey.WRITE_QPS, "1157");
        assertThat(exact.verdict()).isEqualTo(Verdict.ACCURATE);
        assertThat(exact.explanation()).contains("matches the EXACT convention (a day is 86,400 s), not the ROUNDED_DAY asked for");

        Grade month = grade(FigureKey.WRITE_QPS, "1200");
        assertThat(month.explanation()).contains("matches the ROUNDED_MONTH convention");
    }

    @Test
    void unexplainedGapsSaySo() {
        Grade grade = grade(FigureKey.WRITE_QPS, "4321");
        assertThat(grade.verdict()).isEqualTo(Verdict.ORDER_OF_MAGNITUDE);
        assertThat(grade.explanation()).contains("no single slip").contains("recheck each step");
    }

    @Test
    void candidateFiguresAreChecked() {
        assertThatThrownBy(() -> grader.grade(inputs(), Map.of(FigureKey.WRITE_QPS, n("-1"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("candidate.writeQps"));
        assertThatThrownBy(() -> grader.grade(inputs(), Map.of(FigureKey.SERVERS, n("4"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("candidate.servers");
                    assertThat(e.getMessage()).contains("serverCapacityQps");
                });
        assertThatThrownBy(() -> grader.grade(inputs(), Map.of(FigureKey.CACHE_BYTES, n("1E41"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("candidate.cacheBytes"));
    }

    @Test
    void gradesComeInFigureOrder() {
        GradeReport report = grader.grade(inputs(), Map.of(FigureKey.CACHE_BYTES, n("1"),
                FigureKey.WRITES_PER_DAY, n("1"), FigureKey.READ_QPS, n("1")));
        assertThat(report.grades()).extracting(Grade::figure)
                .containsExactly(FigureKey.WRITES_PER_DAY, FigureKey.READ_QPS, FigureKey.CACHE_BYTES);
        assertThat(report.convention()).isEqualTo(TimeConvention.ROUNDED_DAY);
    }
}
