package dev.whiteboard.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class StorageFailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("error executing SQL statement", new IllegalStateException(cause));
    }

    @Test
    void databaseGoneIsServiceUnavailableWithRetryAfter() {
        ProblemException restarting = StorageFailures.problemFor(
                wrapped(new SQLException("the database system is shutting down", "57P03"))).orElseThrow();
        assertThat(restarting.status()).isEqualTo(503);
        assertThat(restarting.headers()).containsEntry("Retry-After", "2");

        ProblemException refused = StorageFailures.problemFor(wrapped(new ConnectException("Connection refused")))
                .orElseThrow();
        assertThat(refused.status()).isEqualTo(503);
    }

    @Test
    void refusedValuesAreBadRequestsAndLostRacesConflicts() {
        assertThat(StorageFailures.problemFor(wrapped(new SQLException("invalid byte sequence", "22021")))
                .orElseThrow().status()).isEqualTo(400);
        assertThat(StorageFailures.problemFor(wrapped(new SQLException("duplicate key", "23505")))
                .orElseThrow().status()).isEqualTo(409);
        assertThat(StorageFailures.isUniqueViolation(wrapped(new SQLException("duplicate key", "23505")))).isTrue();
        assertThat(StorageFailures.isUniqueViolation(wrapped(new SQLException("deadlock", "40P01")))).isFalse();
    }

    @Test
    void otherFailuresStayOurs() {
        assertThat(StorageFailures.problemFor(wrapped(new SQLException("syntax error", "42601")))).isEmpty();
        assertThat(StorageFailures.problemFor(new NullPointerException())).isEmpty();
    }
}
