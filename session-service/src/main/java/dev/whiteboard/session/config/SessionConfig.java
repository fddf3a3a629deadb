package dev.whiteboard.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits of sessions and notes, the outbox relay, and how long records are kept. */
@ConfigMapping(prefix = "wb.session")
public interface SessionConfig {

    /** Notes and the session list. */
    Notes notes();

    /** The session list. */
    Paging paging();

    /** The relay from the outbox to Kafka. */
    Outbox outbox();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** The classpath resource holding the shared default template (decision 0004 shape). */
    @WithDefault("templates/default-template.json")
    String defaultTemplateResource();

    interface Notes {
        /** Characters in one note's text; a longer note gets 413. */
        @WithDefault("10000")
        int maxTextChars();

        /** Notes in one session; one more gets 409. */
        @WithDefault("2000")
        int maxPerSession();
    }

    interface Paging {
        /** Sessions per page when the client does not say. */
        @WithDefault("20")
        int defaultLimit();

        /** The most sessions a page may hold. */
        @WithDefault("100")
        int maxLimit();
    }

    interface Outbox {
        /** The topic of session events (decision 0004). */
        @WithDefault("whiteboard.session-events")
        String topic();

        /** Events taken from the outbox per round. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for events when nothing wakes it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** The first retry delay after Kafka failed; it doubles per failure, with jitter. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The longest retry delay. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long one round waits for Kafka's acknowledgements before giving up on the rest. */
        @WithDefault("20s")
        Duration ackTimeout();

        /** How long published events stay in the outbox (session streams replay from it). */
        @WithDefault("168h")
        Duration retention();
    }
}
