package dev.whiteboard.feedback.repository;

import io.smallrye.mutiny.Uni;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One INSERT statement for any number of rows, in the caller's session and transaction: each column goes in
 * as one PostgreSQL array parameter, unnested into rows ({@code INSERT ... SELECT * FROM unnest(...)}). The
 * statement's text depends only on the table and its columns, never on the row count, so PostgreSQL parses
 * and plans it once per connection and the client reuses the prepared statement; a VALUES list per batch
 * size made every batch a new statement with hundreds of parameters.
 * <p>
 * The arrays are bound as Java arrays ({@code UUID[]}, {@code String[]}, {@code Long[]}, ...), which the
 * PostgreSQL client sends as binary array values: nothing is escaped here nor parsed by PostgreSQL, however
 * large a value is (a report body is about 20 KB of JSON). Timestamps go in as ISO-8601 text (the client
 * takes {@code timestamptz[]} only as {@code OffsetDateTime[]}, which Hibernate does not pass through), cast
 * to {@code timestamptz[]} in the statement, as they always did.
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
            query.setParameter(c + 1, array(rows, c, columns.get(c).type()));
        }
        if (session.getFlushMode() != FlushMode.AUTO) {
            return query.executeUpdate();
        }
        // The statement declares no table, and Hibernate executes an auto-flush before a native insert only for
        // pending changes to the tables it declares: the auto-flush never writes anything here, it only
        // dirty-checks every entity of the session. Skipped; the session flushes at commit as it always did.
        return Uni.createFrom().deferred(() -> {
                    session.setFlushMode(FlushMode.COMMIT);
                    return query.executeUpdate();
                })
                .onTermination().invoke(() -> session.setFlushMode(FlushMode.AUTO));
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
                String type = columns.get(c).type();
                sql.append(c == 0 ? "" : ", ");
                if (boundAsItself(type)) {
                    sql.append("cast(?").append(c + 1).append(" as ").append(type).append("[])");
                } else {
                    // the values go in as text, which PostgreSQL reads as the column's type
                    sql.append("cast(cast(?").append(c + 1).append(" as text[]) as ").append(type).append("[])");
                }
            }
            sql.append(')');
            if (suffix != null && !suffix.isEmpty()) {
                sql.append(' ').append(suffix);
            }
            return sql.toString();
        });
    }

    /** The types whose values are bound as Java arrays of their own kind; others are bound as text. */
    private static boolean boundAsItself(String type) {
        return switch (type) {
            case "uuid", "text", "bigint", "integer", "boolean", "double precision" -> true;
            default -> false;
        };
    }

    /**
     * Column {@code c} of the rows as the array bound for a column of {@code type}: {@code UUID[]},
     * {@code String[]}, {@code Long[]}, {@code Integer[]}, {@code Boolean[]} or {@code Double[]}; any other type
     * (e.g. timestamptz) as {@code String[]} of the values' {@code toString()} ({@link java.time.Instant}s
     * write ISO-8601, which timestamptz reads). Nulls stay nulls.
     */
    static Object[] array(List<Object[]> rows, int c, String type) {
        return switch (type) {
            case "uuid" -> column(rows, c, UUID[]::new, value -> (UUID) value);
            case "bigint" -> column(rows, c, Long[]::new, value -> ((Number) value).longValue());
            case "integer" -> column(rows, c, Integer[]::new, value -> ((Number) value).intValue());
            case "double precision" -> column(rows, c, Double[]::new, value -> ((Number) value).doubleValue());
            case "boolean" -> column(rows, c, Boolean[]::new, value -> (Boolean) value);
            default -> column(rows, c, String[]::new, Object::toString);
        };
    }

    private static <T> T[] column(List<Object[]> rows, int c, IntFunction<T[]> newArray, Function<Object, T> convert) {
        T[] values = newArray.apply(rows.size());
        for (int r = 0; r < values.length; r++) {
            Object value = rows.get(r)[c];
            values[r] = value == null ? null : convert.apply(value);
        }
        return values;
    }
}
