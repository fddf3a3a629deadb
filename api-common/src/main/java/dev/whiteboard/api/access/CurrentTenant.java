package dev.whiteboard.api.access;

import dev.whiteboard.api.problem.ProblemException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenant of the request being handled, as the API key filter resolved it from {@code X-API-Key}. */
@ApplicationScoped
public class CurrentTenant {
    static final String CONTEXT_KEY = "wb.key-grant";

    private final CurrentVertxRequest request;

    public CurrentTenant(CurrentVertxRequest request) {
        this.request = request;
    }

    public KeyGrant grant() {
        RoutingContext context = request.getCurrent();
        KeyGrant grant = context == null ? null : context.get(CONTEXT_KEY);
        if (grant == null) {
            throw ProblemException.unauthorized("a valid API key is required in X-API-Key");
        }
        return grant;
    }

    public String id() {
        return grant().tenantId();
    }

    public String tier() {
        return grant().tier();
    }
}
