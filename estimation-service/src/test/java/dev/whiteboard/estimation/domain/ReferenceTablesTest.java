package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTablesTest {

    @Test
    void latenciesGrowDownTheTableAndReadWell() {
        var table = ReferenceTables.latency();
        for (int i = 1; i < table.size(); i++) {
            assertThat(table.get(i).nanoseconds()).isGreaterThan(table.get(i - 1).nanoseconds());
        }
        assertThat(table).extracting(LatencyNumber::human).contains("0.5 ns", "100 ns", "500 µs", "150 ms");
        assertThat(ReferenceTables.LATENCY_SOURCE).contains("Jeff Dean").contains("https://");
    }

    @Test
    void powersOfTwoAreExact() {
        assertThat(ReferenceTables.powersOfTwo()).allSatisfy(power ->
                assertThat(power.value()).isEqualTo(BigInteger.TWO.pow(power.power())));
        assertThat(ReferenceTables.powersOfTwo()).extracting(PowerOfTwo::power).contains(10, 20, 30, 40, 50);
        assertThat(ReferenceTables.powersOfTwo().stream().filter(p -> p.power() == 64).findFirst().orElseThrow().value())
                .hasToString("18446744073709551616");
    }
}
