package dev.whiteboard.stack;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real redis-server binary (codemonstur's embedded-redis) on 127.0.0.1. */
public final class EmbeddedRedisServer implements AutoCloseable {
    private final int port;
    private RedisServer server;

    public EmbeddedRedisServer(int port) {
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .setting("maxmemory-policy volatile-lru")
                    .build();
            server.start();
        } catch (IOException e) {
            server = null;
            throw new UncheckedIOException("redis-server did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
