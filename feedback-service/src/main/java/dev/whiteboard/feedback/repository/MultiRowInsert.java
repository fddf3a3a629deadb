package dev.whiteboard.feedback.repository;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One INSERT statement for any number of rows, in the caller's session and transaction: each column goes in
 * as one PostgreSQL array literal, unnested into rows ({@code INSERT ... SELECT * FROM unnest(...)}). The
 * statement's text depends only on the table and its columns, never on the row count, so PostgreSQL parses
 * and plans it once per connection and the client reuses the prepared statement; a VALUES list per batch
 * size made every batch a new statement with hundreds of parameters.
 */
final class MultiRowInsert {

    /** A column and its PostgreSQL type, e.g. {@code new Column("event_id", "uuid")}. */
    record Column(String name, String type) {
    }

    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private MultiRowInsert() {
    }

    /** {@code suffix} follows the SELECT, e.g. an ON CONFLICT clause; each row has one value per column. */
    static Uni<Integer> execute(Mutiny.Session session, String table, List<Column> columns, String suffix,
                                List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Mutiny.MutationQuery query = session.createNativeQuery(statement(table, columns, suffix));
        for (int c = 0; c < columns.size(); c++) {
            query.setParameter(c + 1, arrayLiteral(rows, c));
        }
        return query.executeUpdate();
    }

    static String statement(String table, List<Column> columns, String suffix) {
        String key = table + '|' + columns + '|' + suffix;
        return STATEMENTS.computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(columns.get(c).name());
            }
            sql.append(") SELECT * FROM unnest(");
            for (int c = 0; c < columns.size(); c++) {
                // the inner cast makes the parameter text, which the client sends as it is
                sql.append(c == 0 ? "" : ", ").append("cast(cast(?").append(c + 1).append(" as text) as ")
                        .append(columns.get(c).type()).append("[])");
            }
            sql.append(')');
            if (suffix != null && !suffix.isEmpty()) {
                sql.append(' ').append(suffix);
            }
            return sql.toString();
        });
    }

    /**
     * Column {@code c} of the rows as a PostgreSQL array literal: every value quoted (backslash and double
     * quote escaped), nulls as NULL. Values are written by {@code toString()}: UUIDs, text, numbers, booleans
     * and {@link java.time.Instant}s (ISO-8601, which timestamptz reads) all read back as themselves.
     */
    static String arrayLiteral(List<Object[]> rows, int c) {
        StringBuilder literal = new StringBuilder(rows.size() * 40).append('{');
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                literal.append(',');
            }
            Object value = rows.get(r)[c];
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            String text = value.toString();
            literal.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
