package dev.whiteboard.feedback.client;

import dev.whiteboard.api.access.InternalToken;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Grades estimates through estimation-service: each call bounded in time, retried with exponential backoff
 * and jitter, behind a circuit breaker. A refusal of the inputs (4xx) is an answer: it is not retried and
 * does not count against the breaker.
 */
@ApplicationScoped
public class EstimationClient {
    private final EstimationApi api;
    private final InternalToken internalToken;

    public EstimationClient(@RestClient EstimationApi api, InternalToken internalToken) {
        this.api = api;
        this.internalToken = internalToken;
    }

    /** The grading JSON for a request body of inputs plus {@code candidate}. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 150, abortOn = EstimateRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = EstimateRejectedException.class)
    public Uni<String> grade(String body) {
        return api.grade(body, internalToken.value())
                .onFailure(EstimationClient::refusal)
                .transform(e -> new EstimateRejectedException(describe((WebApplicationException) e)));
    }

    private static boolean refusal(Throwable failure) {
        if (!(failure instanceof WebApplicationException w)) {
            return false;
        }
        int status = w.getResponse().getStatus();
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private static String describe(WebApplicationException e) {
        String body = "";
        try {
            if (e.getResponse().hasEntity()) {
                body = e.getResponse().readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // the status alone still says the inputs were refused
        }
        return "estimation-service refused the inputs (" + e.getResponse().getStatus() + ")"
                + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
