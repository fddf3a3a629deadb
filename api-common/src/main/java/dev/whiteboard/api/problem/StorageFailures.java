package dev.whiteboard.api.problem;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads a database failure for what the caller should be told: the database unreachable or restarting
 * (503, try again), a concurrent write that won (409), or a value the database refused (400). Anything
 * else is a fault of ours and stays a 500. The SQL state comes from JDBC's {@link SQLException} or from
 * the reactive client's PgException, found anywhere in the cause chain.
 */
public final class StorageFailures {
    static final int RETRY_AFTER_SECONDS = 2;
    private static final String PG_EXCEPTION = "io.vertx.pgclient.PgException";
    private static final String CLOSED_CONNECTION = "io.vertx.sqlclient.ClosedConnectionException";

    private StorageFailures() {
    }

    /** The problem to answer for this failure, when it is one the caller can act on. */
    public static Optional<ProblemException> problemFor(Throwable failure) {
        Optional<String> state = sqlState(failure);
        if (state.isPresent()) {
            String s = state.get();
            if (s.startsWith("08") || s.startsWith("57P") || s.equals("53300")) {
                return Optional.of(unavailable());
            }
            if (s.equals("23505")) {
                return Optional.of(ProblemException.conflict(
                        "a concurrent request wrote the same resource first; send the request again"));
            }
            if (s.equals("40001") || s.equals("40P01")) {
                return Optional.of(new ProblemException(409, "Conflict",
                        "a concurrent request changed the same data; send the request again", null));
            }
            if (s.startsWith("22")) {
                return Optional.of(ProblemException.badRequest(null,
                        "a value in the request cannot be stored (out of range, too long or not valid text)"));
            }
            return Optional.empty();
        }
        return lostConnection(failure) ? Optional.of(unavailable()) : Optional.empty();
    }

    /** Whether the failure is a unique-key violation: a concurrent writer created the row first. */
    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter("23505"::equals).isPresent();
    }

    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
            if (PG_EXCEPTION.equals(t.getClass().getName())) {
                return pgState(t);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pgState(Throwable pgException) {
        try {
            Method method = pgException.getClass().getMethod("getSqlState");
            return Optional.ofNullable((String) method.invoke(pgException));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException
                    || CLOSED_CONNECTION.equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("the database cannot be reached right now; try again shortly",
                RETRY_AFTER_SECONDS);
    }
}
