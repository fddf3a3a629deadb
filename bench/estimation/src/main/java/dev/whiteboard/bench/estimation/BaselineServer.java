package dev.whiteboard.bench.estimation;

import dev.whiteboard.estimation.domain.Estimator;
import dev.whiteboard.estimation.rest.EstimateRequestReader;
import dev.whiteboard.estimation.rest.EstimateResponse;
import dev.whiteboard.estimation.rest.EstimateResponseWriter;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bare Vert.x endpoints the service is measured against, on as many event loops as Quarkus uses (two
 * per core unless {@code quarkus.vertx.event-loops-pool-size} says otherwise; give the same count as the
 * third argument). Both read the body as the service does and answer a real answer of the service:
 * <ul>
 *   <li>{@code static} (the goal's baseline): the answer's bytes as they are, with no JSON work at all;</li>
 *   <li>{@code json}: the body decoded into a {@link JsonObject} and the answer, decoded once at start, encoded
 *   again on every request, as an idiomatic Vert.x JSON endpoint does (Jackson underneath);</li>
 *   <li>{@code compute}: the service's own work on bare Vert.x: its request reader, estimator and answer writer,
 *   without Quarkus, the API-key check, the rate limit or the metrics (a bad body gets a bare 400).</li>
 * </ul>
 * {@code BaselineServer <port> <answer-file> [event-loops] [static|json|compute]}.
 */
public final class BaselineServer extends AbstractVerticle {
    private final int port;
    private final byte[] answer;
    private final String mode;

    private BaselineServer(int port, byte[] answer, String mode) {
        this.port = port;
        this.answer = answer;
        this.mode = mode;
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = Router.router(vertx);
        router.post("/estimates")
                .handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
                .handler(switch (mode) {
                    case "json" -> decodeAndEncode(new JsonObject(Buffer.buffer(answer)));
                    case "compute" -> computedAnswer();
                    default -> staticAnswer();
                });
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .<Void>mapEmpty().onComplete(started);
    }

    private Handler<RoutingContext> staticAnswer() {
        return rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(answer));
    }

    private static Handler<RoutingContext> computedAnswer() {
        EstimateRequestReader reader = new EstimateRequestReader();
        Estimator estimator = new Estimator();
        EstimateResponseWriter writer = new EstimateResponseWriter();
        return rc -> {
            byte[] computed;
            try {
                byte[] body = rc.body().buffer().getBytes();
                computed = writer.write(EstimateResponse.of(estimator.estimate(reader.estimate(body).toInputs())));
            } catch (RuntimeException e) {
                rc.response().setStatusCode(400).end();
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(computed));
        };
    }

    private static Handler<RoutingContext> decodeAndEncode(JsonObject answerObject) {
        return rc -> {
            JsonObject request;
            try {
                request = rc.body().asJsonObject();
            } catch (DecodeException e) {
                request = null;
            }
            if (request == null) {
                rc.response().setStatusCode(400).end();
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answerObject.toBuffer());
        };
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] answer = Files.readAllBytes(Path.of(args[1]));
        int loops = args.length > 2 && !args[2].isBlank() ? Integer.parseInt(args[2])
                : 2 * Runtime.getRuntime().availableProcessors();
        String mode = args.length > 3 ? args[3] : "static";
        if (!mode.equals("static") && !mode.equals("json") && !mode.equals("compute")) {
            throw new IllegalArgumentException("mode must be static, json or compute: " + mode);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new BaselineServer(port, answer, mode), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("baseline (" + mode + ") listening on 127.0.0.1:" + port + " with "
                + loops + " event loops, answer " + answer.length + " bytes"
                + (mode.equals("json") ? ", " + new JsonObject(Buffer.buffer(answer)).toBuffer().length()
                + " bytes re-encoded" : ""));
    }
}
