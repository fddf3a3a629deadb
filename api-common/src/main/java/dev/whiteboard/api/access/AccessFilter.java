package dev.whiteboard.api.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.api.problem.ProblemWriter;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guards every HTTP path before any resource runs: /q/* (health, metrics, OpenAPI) is open; /internal/*
 * needs the service-to-service token; /admin/* needs the operator secret; everything else needs a valid
 * {@code X-API-Key} and stays within its tenant's rate limit. Secrets are compared in constant time and
 * never logged.
 */
@ApplicationScoped
public class AccessFilter {
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String OPERATOR_HEADER = "X-Operator-Secret";
    static final KeyGrant INTERNAL = new KeyGrant("internal", "internal", "internal", null);

    private final ApiKeyDirectory directory;
    private final RateLimiter limiter;
    private final InternalToken internalToken;
    private final AccessConfig config;
    private final ObjectMapper json;

    public AccessFilter(ApiKeyDirectory directory, RateLimiter limiter, InternalToken internalToken,
                        AccessConfig config, ObjectMapper json) {
        this.directory = directory;
        this.limiter = limiter;
        this.internalToken = internalToken;
        this.config = config;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 100);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/q") || path.startsWith("/q/") || path.equals("/favicon.ico")) {
            rc.next();
            return;
        }
        if (path.startsWith("/internal/")) {
            if (internalToken.matches(rc.request().getHeader(InternalToken.HEADER))) {
                rc.put(CurrentTenant.CONTEXT_KEY, INTERNAL);
                rc.next();
            } else {
                reject(rc, ProblemException.unauthorized("this path is for Whiteboard's own services"));
            }
            return;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            if (operatorSecretMatches(rc.request().getHeader(OPERATOR_HEADER))) {
                rc.next();
            } else {
                reject(rc, new ProblemException(401, "Unauthorized",
                        "the operator secret is required in " + OPERATOR_HEADER, OPERATOR_HEADER));
            }
            return;
        }
        String presentedToken = rc.request().getHeader(InternalToken.HEADER);
        if (presentedToken != null && internalToken.matches(presentedToken)) {
            rc.put(CurrentTenant.CONTEXT_KEY, INTERNAL);
            rc.next();
            return;
        }
        String key = rc.request().getHeader(API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            reject(rc, new ProblemException(401, "Unauthorized", "an API key is required in " + API_KEY_HEADER,
                    List.of(new Problem.FieldError(API_KEY_HEADER, "missing")),
                    Map.of("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"")));
            return;
        }
        RateLimiter.LimitClass limitClass = expensive(path) ? RateLimiter.LimitClass.EXPENSIVE
                : RateLimiter.LimitClass.STANDARD;
        String trimmed = key.trim();
        // Most requests are answered here, on the event loop and without a Uni: a key looked up recently and
        // a limit counted locally need no round trip.
        ApiKeyDirectory.LocalLookup local = directory.resolveLocally(trimmed);
        if (local.answered()) {
            if (local.grant().isEmpty()) {
                proceed(rc, new Outcome(Optional.empty(), null));
                return;
            }
            KeyGrant grant = local.grant().get();
            Optional<RateLimiter.Decision> decision = limiter.decideLocally(grant.tenantId(), grant.tier(), limitClass);
            if (decision.isPresent()) {
                proceed(rc, new Outcome(local.grant(), decision.get()));
                return;
            }
        }
        Context context = Vertx.currentContext();
        directory.resolve(trimmed)
                .chain(grant -> grant.isEmpty()
                        ? io.smallrye.mutiny.Uni.createFrom().item(new Outcome(Optional.empty(), null))
                        : limiter.check(grant.get().tenantId(), grant.get().tier(), limitClass)
                                .map(decision -> new Outcome(grant, decision)))
                .subscribe().with(
                        outcome -> onContext(context, () -> proceed(rc, outcome)),
                        failure -> onContext(context, () -> {
                            Log.warnf("API key lookup failed: %s", failure.getClass().getSimpleName());
                            reject(rc, ProblemException.unavailable("API keys cannot be checked right now", 5));
                        }));
    }

    private record Outcome(Optional<KeyGrant> grant, RateLimiter.Decision decision) {
    }

    private void proceed(RoutingContext rc, Outcome outcome) {
        if (outcome.grant().isEmpty()) {
            reject(rc, new ProblemException(401, "Unauthorized", "the API key is unknown, revoked or expired",
                    List.of(new Problem.FieldError(API_KEY_HEADER, "not valid")),
                    Map.of("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"")));
            return;
        }
        RateLimiter.Decision decision = outcome.decision();
        HttpServerResponse response = rc.response();
        response.putHeader("RateLimit-Policy",
                "\"" + decision.policy() + "\";q=" + decision.limit() + ";w=" + RateLimiter.windowSeconds());
        response.putHeader("RateLimit",
                "\"" + decision.policy() + "\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        if (decision.limiterUnavailable()) {
            reject(rc, ProblemException.unavailable(
                    "rate limits cannot be checked right now and this tier fails closed", (int) decision.resetSeconds()));
            return;
        }
        if (!decision.allowed()) {
            reject(rc, new ProblemException(429, "Too Many Requests",
                    "the " + decision.policy() + " limit of " + decision.limit() + " requests per minute is used up",
                    List.of(), Map.of("Retry-After", String.valueOf(decision.resetSeconds()))));
            return;
        }
        rc.put(CurrentTenant.CONTEXT_KEY, outcome.grant().get());
        rc.next();
    }

    private boolean expensive(String path) {
        for (String prefix : config.expensivePaths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean operatorSecretMatches(String presented) {
        Optional<String> secret = config.operatorSecret().filter(s -> !s.isBlank());
        return presented != null && secret.isPresent() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), secret.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    private void reject(RoutingContext rc, ProblemException problem) {
        ProblemWriter.end(rc, json, problem);
    }
}
