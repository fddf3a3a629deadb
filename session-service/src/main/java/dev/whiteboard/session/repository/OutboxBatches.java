package dev.whiteboard.session.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The outbox as the relay sees it, over JDBC on the relay's own thread. One replica at a time relays: a
 * transaction-scoped advisory lock is held while a batch is sent and marked, which also keeps the events
 * of a session in order across replicas.
 */
@ApplicationScoped
public class OutboxBatches {
    private static final long RELAY_LOCK = 0x77_62_6f_75_74_62_6f_78L;

    private final AgroalDataSource dataSource;

    public OutboxBatches(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An event to publish. */
    public record Pending(long id, String kafkaKey, String envelope) {
    }

    /** What one round did; {@code relayed} is false when another replica held the relay lock. */
    public record Round(boolean relayed, int fetched, int published) {
    }

    /** Unpublished events and the age of the oldest. */
    public record Backlog(long events, Duration oldestAge) {
    }

    /**
     * Takes the oldest unpublished events (at most {@code limit}, in outbox order), hands them to
     * {@code publish}, which returns the ids Kafka acknowledged, and marks those published, all in one
     * transaction under the relay lock.
     */
    public Round relay(int limit, Function<List<Pending>, List<Long>> publish) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return new Round(false, 0, 0);
                }
                List<Pending> pending = unpublished(connection, limit);
                List<Long> published = pending.isEmpty() ? List.of() : publish.apply(pending);
                markPublished(connection, published);
                connection.commit();
                return new Round(true, pending.size(), published.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public Backlog backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*), min(occurred_at) from outbox where published_at is null");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Timestamp oldest = rows.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now());
            return new Backlog(rows.getLong(1), age.isNegative() ? Duration.ZERO : age);
        }
    }

    /** Forgets published events and idempotency records older than the retention; returns rows deleted. */
    public int deleteExpired(Duration outboxRetention, Duration idempotencyRetention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement outbox = connection.prepareStatement(
                     "delete from outbox where published_at is not null and published_at < ?");
             PreparedStatement keys = connection.prepareStatement(
                     "delete from idempotency_records where created_at < ?")) {
            outbox.setTimestamp(1, Timestamp.from(Instant.now().minus(outboxRetention)));
            keys.setTimestamp(1, Timestamp.from(Instant.now().minus(idempotencyRetention)));
            return outbox.executeUpdate() + keys.executeUpdate();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static List<Pending> unpublished(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select id, kafka_key, envelope from outbox where published_at is null order by id limit ?")) {
            query.setInt(1, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return pending;
        }
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox set published_at = now() where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }
}
