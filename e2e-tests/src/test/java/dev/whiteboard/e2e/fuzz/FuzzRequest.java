package dev.whiteboard.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, reproducible from the campaign's seed and its index. {@code pathAndQuery} is
 * already percent-encoded as it goes on the wire.
 */
public record FuzzRequest(long index, String operation, FuzzCase fuzzCase, String method, String pathAndQuery,
                          List<Header> headers, byte[] body) {

    public record Header(String name, String value) {
    }

    /** How the request looked, for a failure message: long values cut, odd characters escaped. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append('#').append(index).append(' ').append(fuzzCase).append(" [").append(operation).append("] ")
                .append(method).append(' ').append(cut(pathAndQuery, 200));
        for (Header header : headers) {
            out.append("\n    ").append(header.name()).append(": ").append(cut(header.value(), 120));
        }
        if (body != null) {
            out.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 300));
        }
        return out.toString();
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                .orElse(null);
    }

    /** At most {@code max} characters, anything outside printable ASCII written as a \\uXXXX escape. */
    private static String cut(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(max, text.length()); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() <= max ? out.toString() : out + "...(" + text.length() + " chars)";
    }
}
