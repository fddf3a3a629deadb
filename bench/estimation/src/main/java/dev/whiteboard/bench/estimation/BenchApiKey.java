package dev.whiteboard.bench.estimation;

import dev.whiteboard.api.access.ApiKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Issues an API key for a load run straight into the Redis mirror every service reads keys from
 * (decision 0003), the way session-service publishes one. {@code BenchApiKey <host> <port> <pepper> <tier>}
 * prints the key.
 */
public final class BenchApiKey {

    public static void main(String[] args) throws IOException {
        String key = ApiKeys.newKey();
        String hash = ApiKeys.hash(key, args[2]);
        String[] command = {"HSET", "wb:apikey:" + hash, "tenant", "bench", "tier", args[3], "keyId", ApiKeys.keyId(key)};
        StringBuilder resp = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]))) {
            OutputStream out = socket.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != ':') {
                throw new IOException("Redis refused the key: " + (char) first);
            }
        }
        System.out.println(key);
    }
}
