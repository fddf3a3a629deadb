package dev.whiteboard.feedback.client;

import dev.whiteboard.api.access.InternalToken;
import dev.whiteboard.feedback.domain.TemplateRef;
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
 * Reads template versions from session-service: bounded in time, retried with exponential backoff and
 * jitter, and behind a circuit breaker so that an outage costs one fast failure per call. A missing
 * template is an answer, not a failure: it neither retries nor opens the breaker.
 */
@ApplicationScoped
public class TemplateClient {
    private final TemplateApi api;
    private final InternalToken internalToken;

    public TemplateClient(@RestClient TemplateApi api, InternalToken internalToken) {
        this.api = api;
        this.internalToken = internalToken;
    }

    /** The template's JSON as session-service serves it. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 80, abortOn = TemplateNotFoundException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = TemplateNotFoundException.class)
    public Uni<String> fetch(TemplateRef ref) {
        String version = ref.version() == null ? "latest" : ref.version().toString();
        return api.version(ref.id(), version, internalToken.value())
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .transform(e -> new TemplateNotFoundException("template " + ref.id() + " version " + version
                        + " does not exist"));
    }
}
