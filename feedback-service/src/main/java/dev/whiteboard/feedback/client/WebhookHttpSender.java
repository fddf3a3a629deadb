package dev.whiteboard.feedback.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/** POSTs a webhook body to a receiver's URL; never follows redirects (a receiver cannot bounce it elsewhere). */
@ApplicationScoped
public class WebhookHttpSender {
    private final HttpClient client;

    public WebhookHttpSender(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setMaxPoolSize(32)
                .setKeepAlive(true));
    }

    /** The receiver's status code; fails when it cannot be reached or does not answer in time. */
    public Uni<Integer> post(String url, Map<String, String> headers, String body, Duration timeout) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options)
                .chain(request -> request.send(body))
                .chain(response -> response.body().replaceWith(response.statusCode()));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
