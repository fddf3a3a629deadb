package dev.whiteboard.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** feedback-service's own settings (prefix {@code wb.feedback}; env {@code WB_FEEDBACK_*}). */
@ConfigMapping(prefix = "wb.feedback")
public interface FeedbackConfig {

    Consumer consumer();

    Reports reports();

    Templates templates();

    Grading grading();

    Webhooks webhooks();

    /** How often the report gauges (reports by status, average coverage) are read from the database. */
    @WithName("statistics-interval")
    @WithDefault("15s")
    Duration statisticsInterval();

    /** How often the consumer lag gauge is measured. */
    @WithName("lag-interval")
    @WithDefault("5s")
    Duration lagInterval();

    interface Consumer {
        /** First wait before a batch whose database work failed is tried again. */
        @WithName("retry-initial-delay")
        @WithDefault("200ms")
        Duration retryInitialDelay();

        /** Longest wait between tries of a failing batch; it is retried until the database answers. */
        @WithName("retry-max-delay")
        @WithDefault("10s")
        Duration retryMaxDelay();

        /**
         * Tries of a batch that fails for a reason other than an unreachable server before its events are
         * tried one by one, and an event that still fails is dead-lettered.
         */
        @WithName("attempts-before-isolating")
        @WithDefault("3")
        int attemptsBeforeIsolating();
    }

    interface Reports {
        /** How long an ended session waits for a missing event (a gap in its sequence) before its report turns FINAL anyway. */
        @WithName("gap-grace")
        @WithDefault("30s")
        Duration gapGrace();

        /** How often the sweeper looks for reports to catch up. */
        @WithName("sweep-interval")
        @WithDefault("1s")
        Duration sweepInterval();

        /** Sessions the sweeper recomputes per run. */
        @WithName("sweep-batch-size")
        @WithDefault("200")
        int sweepBatchSize();
    }

    interface Templates {
        /** How long a template version stays in the Redis cache (versions never change; publishing invalidates). */
        @WithName("cache-ttl")
        @WithDefault("10m")
        Duration cacheTtl();

        /** How long the answer for "the latest version" of a template stays cached. */
        @WithName("latest-cache-ttl")
        @WithDefault("1m")
        Duration latestCacheTtl();
    }

    interface Grading {
        /** First wait before an estimate whose grading failed is tried again (then doubling, with jitter). */
        @WithName("retry-base-delay")
        @WithDefault("2s")
        Duration retryBaseDelay();

        /** Longest wait between two gradings of one estimate. */
        @WithName("retry-max-delay")
        @WithDefault("5m")
        Duration retryMaxDelay();

        /**
         * How often due estimates are looked for (new ones are graded together, at most this long after they arrive).
         * Quarkus' scheduler runs no job more often than once a second.
         */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Estimates graded per run of the grading job. Each run pays three transactions and a lock of its sessions
         * whatever its size: with 50 the job graded 25-60 a second under a load of 100 estimates a second
         * (bench/feedback) and fell behind for good; with 200, 40-100 a second while each graded estimate scored
         * its session's notes again. Since its recomputation reuses the stored coverage (2026-12-07), it keeps
         * up: 2,462 and 2,522 of the 3,000 estimates of a 30-second run were graded by its end.
         */
        @WithName("batch-size")
        @WithDefault("200")
        int batchSize();
    }

    interface Webhooks {
        /** Attempts per delivery, the first included. */
        @WithName("max-attempts")
        @WithDefault("8")
        int maxAttempts();

        /** Ceiling of the first retry's jittered wait; it doubles per attempt up to max-delay. */
        @WithName("base-delay")
        @WithDefault("1s")
        Duration baseDelay();

        @WithName("max-delay")
        @WithDefault("10m")
        Duration maxDelay();

        /** How long one attempt may take before it counts as failed. */
        @WithDefault("5s")
        Duration timeout();

        /** Accept callback URLs on loopback and private addresses (local development and tests only). */
        @WithName("allow-private-addresses")
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** How often due deliveries are looked for. */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries sent per run of the delivery job. */
        @WithName("batch-size")
        @WithDefault("50")
        int batchSize();
    }
}
