package dev.whiteboard.e2e.faults;

import dev.whiteboard.e2e.suite.RunningSuite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What feedback-service recorded as applied, read from its own database (whiteboard_feedback): the
 * sequence of every event it took into account per session, and the notes it holds. The report itself
 * does not list them; this is the ground truth that no event was lost or applied twice.
 */
final class FeedbackLedger {
    private final String url;
    private final String user;
    private final String password;

    FeedbackLedger(RunningSuite suite) {
        Map<String, String> env = System.getenv();
        String host = env.getOrDefault("WB_POSTGRES_HOST", "127.0.0.1");
        int port = suite.stack().postgres().map(p -> p.port())
                .orElseGet(() -> Integer.parseInt(env.getOrDefault("WB_POSTGRES_PORT", "5432")));
        this.url = "jdbc:postgresql://" + host + ":" + port + "/whiteboard_feedback";
        this.user = env.getOrDefault("WB_POSTGRES_USER", "postgres");
        this.password = env.getOrDefault("WB_POSTGRES_PASSWORD", "postgres");
    }

    /** Per session, the sequences of the events applied, in order, duplicates included. */
    Map<UUID, List<Long>> appliedSequences(Collection<UUID> sessions) throws SQLException {
        return perSession("SELECT session_id, sequence FROM processed_events WHERE session_id = ANY (?) "
                + "ORDER BY session_id, sequence", sessions);
    }

    /** Per session, the sequences of the note events held, in order, duplicates included. */
    Map<UUID, List<Long>> noteSequences(Collection<UUID> sessions) throws SQLException {
        return perSession("SELECT session_id, sequence FROM notes WHERE session_id = ANY (?) ORDER BY session_id, sequence",
                sessions);
    }

    private Map<UUID, List<Long>> perSession(String sql, Collection<UUID> sessions) throws SQLException {
        Map<UUID, List<Long>> result = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", sessions.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return result;
    }

    /** 1, 2, ..., last: what a session's applied sequences must be exactly. */
    static List<Long> oneTo(long last) {
        List<Long> sequences = new ArrayList<>();
        for (long s = 1; s <= last; s++) {
            sequences.add(s);
        }
        return sequences;
    }
}
