package dev.whiteboard.feedback.repository;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * One INSERT statement for many rows (in chunks of at most {@value #CHUNK}), in the caller's session and
 * transaction: a batch of events costs a few statements instead of a managed entity per row.
 */
final class MultiRowInsert {
    static final int CHUNK = 100;

    private MultiRowInsert() {
    }

    /** {@code suffix} follows the VALUES list, e.g. an ON CONFLICT clause; each row has one value per column. */
    static Uni<Integer> execute(Mutiny.Session session, String table, List<String> columns, String suffix,
                                List<Object[]> rows) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            total = total.chain(sum -> statement(session, table, columns, suffix, chunk).executeUpdate()
                    .map(count -> sum + count));
        }
        return total;
    }

    private static Mutiny.MutationQuery statement(Mutiny.Session session, String table, List<String> columns,
                                                  String suffix, List<Object[]> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES ");
        int position = 1;
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "?" : ", ?").append(position++);
            }
            sql.append(')');
        }
        if (suffix != null && !suffix.isEmpty()) {
            sql.append(' ').append(suffix);
        }
        Mutiny.MutationQuery query = session.createNativeQuery(sql.toString());
        position = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                query.setParameter(position++, value);
            }
        }
        return query;
    }
}
