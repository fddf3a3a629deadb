package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refused input names its field, as the API spells it. */
class InputLimitsTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static void refused(EstimateInputs.Builder builder, String field, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void trafficMustBeGivenExactlyOneWay() {
        refused(EstimateInputs.builder(), "writes", "traffic is required");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).dailyActiveUsers(n("10")), "writes",
                "one way only");
        refused(EstimateInputs.builder().per(Period.DAY).writesPerUserPerDay(n("2")), "per", "one way only");
        refused(EstimateInputs.builder().writes(n("1")), "per", "is required with writes");
        refused(EstimateInputs.builder().per(Period.MONTH), "writes", "is required with per");
        refused(EstimateInputs.builder().dailyActiveUsers(n("10")), "writesPerUserPerDay", "is required");
        refused(EstimateInputs.builder().writesPerUserPerDay(n("10")), "dailyActiveUsers", "is required");
    }

    @Test
    void numbersMustBePositiveAndWithinBounds() {
        refused(EstimateInputs.builder().writes(n("-1")).per(Period.DAY), "writes", "a positive number");
        refused(EstimateInputs.builder().writes(n("0")).per(Period.DAY), "writes", "a positive number");
        refused(EstimateInputs.builder().writes(n("1E13")).per(Period.DAY), "writes", "at most 1,000,000,000,000");
        refused(EstimateInputs.builder().writes(n("1.00000001E7")).per(Period.SECOND), "writes", "at most 10,000,000");
        refused(EstimateInputs.builder().dailyActiveUsers(n("1E10")).writesPerUserPerDay(n("101")),
                "writesPerUserPerDay", "at most 1,000,000,000,000 writes a day");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).readsPerWrite(n("-2")), "readsPerWrite",
                "at least");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).writeSizeBytes(n("1E400")), "writeSizeBytes",
                "at most");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).readSizeBytes(n("0.5")), "readSizeBytes",
                "at least 1");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).replicationFactor(n("0.5")),
                "replicationFactor", "at least 1");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).peakFactor(n("1000")), "peakFactor", "at most 100");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).cacheFraction(n("1.5")), "cacheFraction", "at most 1");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).retentionYears(n("1E-400")), "retentionYears",
                "at least 0.001");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).serverCapacityQps(n("0")), "serverCapacityQps",
                "a positive number");
        refused(EstimateInputs.builder().writes(n("1")).per(Period.DAY).shardCapacityBytes(n("-10")),
                "shardCapacityBytes", "a positive number");
    }

    @Test
    void defaultsAreAppliedAndRecorded() {
        EstimateInputs inputs = EstimateInputs.builder().writes(n("5")).per(Period.SECOND).build();

        assertThat(inputs.readsPerWrite()).isEqualByComparingTo("1");
        assertThat(inputs.retentionYears()).isEqualByComparingTo("5");
        assertThat(inputs.replicationFactor()).isEqualByComparingTo("1");
        assertThat(inputs.peakFactor()).isEqualByComparingTo("1");
        assertThat(inputs.cacheFraction()).isEqualByComparingTo("0.2");
        assertThat(inputs.convention()).isEqualTo(TimeConvention.ROUNDED_DAY);
        assertThat(inputs.defaulted()).contains(EstimateInputs.Defaulted.READS_PER_WRITE,
                EstimateInputs.Defaulted.TIME_CONVENTION);
    }
}
