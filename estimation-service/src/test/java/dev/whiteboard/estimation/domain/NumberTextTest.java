package dev.whiteboard.estimation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1270000000000 | 1.27 TB | 1.16 TiB",
            "1000          | 1 KB    | 1,000 B",
            "1024          | 1.02 KB | 1 KiB",
            "999           | 999 B   | 999 B",
            "999500        | 1 MB    | 976 KiB",
            "999499        | 999 KB  | 976 KiB",
            "1165          | 1.17 KB | 1.14 KiB",
            "1048064       | 1.05 MB | 1,020 KiB",
            "1048575       | 1.05 MB | 1,020 KiB",
            "1048576       | 1.05 MB | 1 MiB",
            "5475E21       | 5.48 YB | 4.53 YiB",
            "3.65E27       | 3.65 RB | 3,020 YiB",
            "1             | 1 B     | 1 B",
            "1.5           | 1.5 B   | 1.5 B",
            "0.0116        | 0.0116 B | 0.0116 B"})
    void bytesForPeople(String value, String decimal, String binary) {
        assertThat(Unit.BYTES.decimal(new BigDecimal(value))).isEqualTo(decimal);
        assertThat(Unit.BYTES.binary(new BigDecimal(value))).isEqualTo(binary);
    }

    @Test
    void countsAndRatesForPeople() {
        assertThat(Unit.WRITES_PER_SECOND.decimal(new BigDecimal("1157.4074074074074"))).isEqualTo("1.16 thousand writes/s");
        assertThat(Unit.WRITES_PER_SECOND.binary(new BigDecimal("1157.4074074074074"))).isEqualTo("1.13 Ki writes/s");
        assertThat(Unit.READS_PER_DAY.decimal(new BigDecimal("1E18"))).isEqualTo("1 quintillion reads/day");
        assertThat(Unit.BYTES_PER_SECOND.decimal(new BigDecimal("11574074.074074074"))).isEqualTo("11.6 MB/s");
        assertThat(Unit.SERVERS.decimal(new BigDecimal("7"))).isEqualTo("7 servers");
    }

    @Test
    void groupedIsExactWithSeparators() {
        assertThat(NumberText.grouped(new BigDecimal("5475E21"))).isEqualTo("5,475,000,000,000,000,000,000,000");
        assertThat(NumberText.grouped(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.891");
        assertThat(NumberText.grouped(new BigDecimal("0.000001"))).isEqualTo("0.000001");
        assertThat(NumberText.grouped(new BigDecimal("100.500"))).isEqualTo("100.5");
        assertThat(NumberText.grouped(new BigDecimal("2E+11"))).isEqualTo("200,000,000,000");
        assertThat(NumberText.grouped(new BigDecimal("12345678901234567890123"))).isEqualTo("12,345,678,901,234,567,890,123");
    }

    @Test
    void formulasRoundOnlyWhatTheyShow() {
        StringBuilder out = new StringBuilder();
        assertThat(NumberText.appendShown(out, new BigDecimal("1157.4074074074074"))).isTrue();
        assertThat(out).hasToString("1,157.41");
        out.setLength(0);
        assertThat(NumberText.appendShown(out, new BigDecimal("0.2"))).isFalse();
        assertThat(out).hasToString("0.2");
        out.setLength(0);
        assertThat(NumberText.appendShown(out, new BigDecimal("0.011574074"))).isTrue();
        assertThat(out).hasToString("0.0116");
        out.setLength(0);
        assertThat(NumberText.appendShown(out, new BigDecimal("9.995"))).isTrue();
        assertThat(out).hasToString("10");
    }

    @Test
    void plainNumbersHaveNoExponent() {
        StringBuilder out = new StringBuilder();
        NumberText.appendPlain(out, new BigDecimal("2.50E+7"), false);
        assertThat(out).hasToString("25000000");
        out.setLength(0);
        NumberText.appendPlain(out, new BigDecimal("1E-7"), false);
        assertThat(out).hasToString("0.0000001");
    }
}
