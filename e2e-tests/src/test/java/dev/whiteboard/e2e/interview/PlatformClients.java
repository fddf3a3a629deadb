package dev.whiteboard.e2e.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.client.estimation.api.EstimatesApi;
import dev.whiteboard.client.feedback.api.FeedbackApi;
import dev.whiteboard.client.feedback.api.WebhooksApi;
import dev.whiteboard.client.session.api.SessionsApi;
import dev.whiteboard.client.session.api.TemplatesApi;
import dev.whiteboard.e2e.suite.RunningSuite;

import java.time.Duration;

/**
 * The generated Java clients as a platform sets them up: one ApiClient per service with its base URL, and the
 * tenant's key added to every request by the client's request interceptor.
 */
record PlatformClients(SessionsApi sessions, TemplatesApi templates, EstimatesApi estimates, FeedbackApi feedback,
                       WebhooksApi webhooks, ObjectMapper feedbackJson) {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    static PlatformClients of(RunningSuite suite, String apiKey) {
        var session = new dev.whiteboard.client.session.ApiClient();
        session.updateBaseUri(suite.url(RunningSuite.SESSION));
        session.setRequestInterceptor(request -> request.header(API_KEY_HEADER, apiKey));
        session.setReadTimeout(READ_TIMEOUT);

        var estimation = new dev.whiteboard.client.estimation.ApiClient();
        estimation.updateBaseUri(suite.url(RunningSuite.ESTIMATION));
        estimation.setRequestInterceptor(request -> request.header(API_KEY_HEADER, apiKey));
        estimation.setReadTimeout(READ_TIMEOUT);

        var feedback = new dev.whiteboard.client.feedback.ApiClient();
        feedback.updateBaseUri(suite.url(RunningSuite.FEEDBACK));
        feedback.setRequestInterceptor(request -> request.header(API_KEY_HEADER, apiKey));
        feedback.setReadTimeout(READ_TIMEOUT);

        return new PlatformClients(new SessionsApi(session), new TemplatesApi(session), new EstimatesApi(estimation),
                new FeedbackApi(feedback), new WebhooksApi(feedback), feedback.getObjectMapper());
    }
}
