package dev.whiteboard.bench.estimation;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bare Vert.x endpoint the service is measured against: POST /estimates reads the body the same
 * way and answers a fixed JSON body (a real answer of the service), on as many event loops as Quarkus
 * uses (two per core). {@code BaselineServer <port> <answer-file>}.
 */
public final class BaselineServer extends AbstractVerticle {
    private final int port;
    private final byte[] answer;

    private BaselineServer(int port, byte[] answer) {
        this.port = port;
        this.answer = answer;
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = Router.router(vertx);
        router.post("/estimates")
                .handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
                .handler(rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(Buffer.buffer(answer)));
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .<Void>mapEmpty().onComplete(started);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] answer = Files.readAllBytes(Path.of(args[1]));
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new BaselineServer(port, answer), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("baseline listening on 127.0.0.1:" + port + " with " + loops + " event loops, answer "
                + answer.length + " bytes");
    }
}
