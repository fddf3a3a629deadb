package dev.whiteboard.feedback.service;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells failures that pass (a server unreachable or restarting, a lost connection, a conflict with a
 * concurrent writer) from failures that would repeat on every try.
 */
public final class TransientFailures {
    /**
     * SQL states: connection exceptions (08xxx), shutdown (57P0x), serialization failure, deadlock, too many
     * connections, and a unique violation: the ledger writes only rows it found missing, so a duplicate means
     * another consumer (or replica, during a rebalance) wrote them first, and the next try skips them.
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02", "57P03",
            "23505");
    private static final String[] TRANSIENT_MESSAGES = {"connection", "closed", "timed out", "timeout", "pool", "refused",
            "reset by peer", "broken pipe"};

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof ClosedChannelException
                    || t instanceof java.io.IOException || t instanceof org.hibernate.AssertionFailure) {
                // Hibernate Reactive reports the other statements of a flush that lost such a race this way
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || TRANSIENT_SQL_STATES.contains(state))) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String hint : TRANSIENT_MESSAGES) {
                if (message.contains(hint)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (t instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        return null;
    }
}
