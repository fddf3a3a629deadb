package dev.whiteboard.feedback.repository;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MultiRowInsertTest {
    private static final List<MultiRowInsert.Column> COLUMNS = List.of(new MultiRowInsert.Column("id", "uuid"),
            new MultiRowInsert.Column("text", "text"), new MultiRowInsert.Column("n", "bigint"));

    @Test
    void quotesEveryValueEscapesQuotesAndBackslashesAndWritesNullsBare() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"say \"hi\"", 1L});
        rows.add(new Object[] {"C:\\cache\\{a,b}", null});
        rows.add(new Object[] {"NULL", true});
        rows.add(new Object[] {null, Instant.parse("2026-12-06T17:00:00.123456Z")});

        assertThat(MultiRowInsert.arrayLiteral(rows, 0))
                .isEqualTo("{\"say \\\"hi\\\"\",\"C:\\\\cache\\\\{a,b}\",\"NULL\",NULL}");
        assertThat(MultiRowInsert.arrayLiteral(rows, 1))
                .isEqualTo("{\"1\",NULL,\"true\",\"2026-12-06T17:00:00.123456Z\"}");
    }

    @Test
    void theStatementIsTheSameWhateverTheRowCount() {
        String sql = MultiRowInsert.statement("t", COLUMNS, "ON CONFLICT (id) DO NOTHING");
        assertThat(sql).isEqualTo("INSERT INTO t (id, text, n) SELECT * FROM unnest(cast(cast(?1 as text) as uuid[]), "
                + "cast(cast(?2 as text) as text[]), cast(cast(?3 as text) as bigint[])) ON CONFLICT (id) DO NOTHING");
        assertThat(MultiRowInsert.statement("t", COLUMNS, "ON CONFLICT (id) DO NOTHING")).isSameAs(sql);
        assertThat(MultiRowInsert.statement("t", COLUMNS, null)).doesNotContain("ON CONFLICT");
    }

    @Test
    void aUuidColumnIsWrittenInItsCanonicalForm() {
        UUID id = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(MultiRowInsert.arrayLiteral(List.<Object[]>of(new Object[] {id}), 0))
                .isEqualTo("{\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"}");
    }
}
