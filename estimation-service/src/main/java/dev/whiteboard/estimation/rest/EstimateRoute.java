package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.estimation.domain.InvalidInputException;
import dev.whiteboard.estimation.service.EstimationService;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * POST /estimates as a plain Vert.x route on the event loop: the busiest call reads its body from the
 * JSON tokens and writes its answer by hand, skipping the JAX-RS and reflection layers. Documented in
 * META-INF/openapi.yaml; every failure is a problem+json naming the field, like the JAX-RS endpoints'.
 */
@ApplicationScoped
public class EstimateRoute {
    static final String PATH = "/estimates";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final EstimationService service;
    private final ObjectMapper json;
    private final EstimateRequestReader reader = new EstimateRequestReader();
    private final EstimateResponseWriter writer = new EstimateResponseWriter();

    public EstimateRoute(EstimationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(this::estimate)
                .failureHandler(this::failure);
    }

    void estimate(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            problem(rc, new ProblemException(415, "Unsupported Media Type",
                    "the request body must be application/json", "Content-Type"));
            return;
        }
        RequestBody body = rc.body();
        byte[] bytes = body == null || body.buffer() == null ? new byte[0] : body.buffer().getBytes();
        byte[] answer;
        try {
            answer = writer.write(EstimateResponse.of(service.estimate(reader.estimate(bytes).toInputs())));
        } catch (InvalidInputException e) {
            problem(rc, InvalidInputMapper.problem(e));
            return;
        } catch (ProblemException e) {
            problem(rc, e);
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(answer));
    }

    void failure(RoutingContext rc) {
        if (rc.statusCode() == 413) {
            problem(rc, ProblemException.payloadTooLarge("body", "the body must be at most 64 KB"));
            return;
        }
        Log.errorf(rc.failure(), "POST %s failed", PATH);
        problem(rc, new ProblemException(500, "Internal Server Error",
                "the server failed to handle the request; it has been logged", null));
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase("application/json") || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }

    private void problem(RoutingContext rc, ProblemException problem) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem.toProblem(PATH));
        } catch (JsonProcessingException e) {
            body = ("{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}").getBytes();
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(body));
    }
}
