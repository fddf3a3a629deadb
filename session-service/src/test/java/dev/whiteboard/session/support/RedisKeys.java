package dev.whiteboard.session.support;

import dev.whiteboard.api.access.ApiKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Puts an API key into the Redis mirror of decision 0003 ({@code wb:apikey:<hash>}) from outside the
 * application, the way session-service publishes keys, for tests that run the packaged application.
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Issues a key for the tenant and returns it. */
    public static String register(String host, int port, String pepper, String tenantId, String tier) {
        String key = ApiKeys.newKey();
        List<String> command = List.of("HSET", "wb:apikey:" + ApiKeys.hash(key, pepper),
                "tenant", tenantId, "tier", tier, "keyId", ApiKeys.keyId(key));
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder resp = new StringBuilder("*").append(command.size()).append("\r\n");
            for (String part : command) {
                resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
            }
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != ':') {
                throw new IllegalStateException("Redis refused HSET (reply starts with '" + (char) first + "')");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }
}
