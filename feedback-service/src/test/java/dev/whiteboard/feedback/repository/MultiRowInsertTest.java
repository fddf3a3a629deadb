package dev.whiteboard.feedback.repository;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MultiRowInsertTest {
    private static final List<MultiRowInsert.Column> COLUMNS = List.of(new MultiRowInsert.Column("id", "uuid"),
            new MultiRowInsert.Column("text", "text"), new MultiRowInsert.Column("n", "bigint"),
            new MultiRowInsert.Column("at", "timestamptz"));

    @Test
    void textGoesInAsItIsWithoutEscapingAndNullsStayNulls() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"say \"hi\""});
        rows.add(new Object[] {"C:\\cache\\{a,b}"});
        rows.add(new Object[] {"NULL"});
        rows.add(new Object[] {null});
        rows.add(new Object[] {""});
        rows.add(new Object[] {"ünïcödé 😀, 'quoted'"});

        Object[] array = MultiRowInsert.array(rows, 0, "text");

        assertThat(array).isInstanceOf(String[].class)
                .containsExactly("say \"hi\"", "C:\\cache\\{a,b}", "NULL", null, "", "ünïcödé 😀, 'quoted'");
    }

    @Test
    void eachTypeIsBoundAsAnArrayOfItsOwnKind() {
        UUID id = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {id, 7L, 3, true, 0.25});
        rows.add(new Object[] {null, null, null, null, null});
        rows.add(new Object[] {id, 8, 4L, false, 1});

        assertThat(MultiRowInsert.array(rows, 0, "uuid")).isInstanceOf(UUID[].class).containsExactly(id, null, id);
        assertThat(MultiRowInsert.array(rows, 1, "bigint")).isInstanceOf(Long[].class).containsExactly(7L, null, 8L);
        assertThat(MultiRowInsert.array(rows, 2, "integer")).isInstanceOf(Integer[].class).containsExactly(3, null, 4);
        assertThat(MultiRowInsert.array(rows, 3, "boolean")).isInstanceOf(Boolean[].class)
                .containsExactly(true, null, false);
        assertThat(MultiRowInsert.array(rows, 4, "double precision")).isInstanceOf(Double[].class)
                .containsExactly(0.25, null, 1.0);
    }

    @Test
    void timestampsGoInAsIsoTextThatTimestamptzReads() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {Instant.parse("2026-12-06T17:00:00.123456Z")});
        rows.add(new Object[] {null});

        assertThat(MultiRowInsert.array(rows, 0, "timestamptz")).isInstanceOf(String[].class)
                .containsExactly("2026-12-06T17:00:00.123456Z", null);
    }

    @Test
    void theStatementIsTheSameWhateverTheRowCount() {
        String sql = MultiRowInsert.statement("t", COLUMNS, "ON CONFLICT (id) DO NOTHING");
        assertThat(sql).isEqualTo("INSERT INTO t (id, text, n, at) SELECT * FROM unnest(cast(?1 as uuid[]), "
                + "cast(?2 as text[]), cast(?3 as bigint[]), cast(cast(?4 as text[]) as timestamptz[])) "
                + "ON CONFLICT (id) DO NOTHING");
        assertThat(MultiRowInsert.statement("t", COLUMNS, "ON CONFLICT (id) DO NOTHING")).isSameAs(sql);
        assertThat(MultiRowInsert.statement("t", COLUMNS, null)).doesNotContain("ON CONFLICT");
    }
}
