package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service must never answer, whatever it was sent: a 5xx, a 4xx that is not RFC 9457
 * problem+json, a stack trace or class name, or a secret (configured or presented).
 */
public final class ResponseInspector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORTEST_SECRET = 6;
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\bat [\\w$]+(\\.[\\w$]+)+\\([^)]*\\)"),
            Pattern.compile("\\b(java|javax|jakarta|sun|jdk|io\\.quarkus|io\\.vertx|io\\.netty|io\\.smallrye|"
                    + "org\\.hibernate|org\\.jboss|org\\.postgresql|org\\.apache|com\\.fasterxml|dev\\.whiteboard)"
                    + "\\.[a-z][\\w$]*\\."),
            Pattern.compile("\\b\\w*Exception\\b"),
            Pattern.compile("Caused by:"),
            Pattern.compile("\\.java:\\d+"));

    private final Set<String> secrets;

    /** @param secrets values that must never appear in a body (keys, tokens, peppers, passwords) */
    public ResponseInspector(Collection<String> secrets) {
        this.secrets = Set.copyOf(secrets.stream().filter(s -> s != null && s.length() >= SHORTEST_SECRET).toList());
    }

    /** What is wrong with one exchange; empty when nothing is. */
    public List<String> inspect(FuzzRequest request, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (status >= 500) {
            problems.add("answered " + status);
        }
        if (status >= 400 && status < 500) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/problem+json")) {
                problems.add(status + " with Content-Type '" + contentType + "' instead of application/problem+json");
            } else {
                problems.addAll(problemShape(status, text));
            }
        }
        for (Pattern internal : INTERNALS) {
            Matcher matcher = internal.matcher(text);
            if (matcher.find()) {
                problems.add("the body shows internals: '" + excerpt(text, matcher.start()) + "'");
                break;
            }
        }
        for (String secret : secretsOf(request)) {
            if (text.contains(secret)) {
                problems.add("the body contains a secret (" + mask(secret) + ")");
            }
        }
        return problems;
    }

    private static List<String> problemShape(int status, String text) {
        JsonNode problem;
        try {
            problem = JSON.readTree(text);
        } catch (IOException e) {
            return List.of(status + " problem+json body is not JSON");
        }
        if (problem == null || !problem.isObject()) {
            return List.of(status + " problem+json body is not a JSON object");
        }
        if (problem.has("status") && problem.get("status").asInt() != status) {
            return List.of("problem status " + problem.get("status") + " differs from the HTTP status " + status);
        }
        return List.of();
    }

    /**
     * The configured secrets, and the credentials the request presented. A presented value with white
     * space in it cannot be a credential (keys, tokens and secrets are single tokens); it is one of the
     * generator's injection strings, which it also stores as data ("' OR '1'='1" as a tenant name), so a
     * later listing may show it as data.
     */
    private List<String> secretsOf(FuzzRequest request) {
        List<String> all = new ArrayList<>(secrets);
        for (FuzzRequest.Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            String value = header.value().strip();
            if ((name.equals("x-api-key") || name.equals("x-operator-secret") || name.equals("x-internal-token"))
                    && value.length() >= SHORTEST_SECRET && value.chars().noneMatch(Character::isWhitespace)) {
                all.add(value);
            }
        }
        return all;
    }

    static String mask(String secret) {
        return secret.substring(0, 3) + "... (" + secret.length() + " chars)";
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + 80);
        return text.substring(from, to).replaceAll("\\s+", " ");
    }
}
