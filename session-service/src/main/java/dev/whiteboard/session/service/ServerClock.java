package dev.whiteboard.session.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The only clock of sessions: the server's, in milliseconds (what PostgreSQL and the events keep). */
@ApplicationScoped
public class ServerClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
