package dev.whiteboard.feedback.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Stands up session-service's and estimation-service's contracts as small HTTP servers on 127.0.0.1 and
 * points the application at them; tests reach them through {@link #session()} and {@link #estimation()}.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {
    /** The internal token of the test profile (api-common's %test default). */
    public static final String INTERNAL_TOKEN = "test-only-internal-token";

    private static FakeSessionService session;
    private static FakeEstimationService estimation;

    @Override
    public synchronized Map<String, String> start() {
        if (session == null) {
            session = new FakeSessionService(INTERNAL_TOKEN);
            estimation = new FakeEstimationService(INTERNAL_TOKEN);
        }
        return Map.of("wb.session.url", session.url(), "wb.estimation.url", estimation.url());
    }

    @Override
    public synchronized void stop() {
        if (session != null) {
            session.close();
            estimation.close();
            session = null;
            estimation = null;
        }
    }

    public static FakeSessionService session() {
        return session;
    }

    public static FakeEstimationService estimation() {
        return estimation;
    }
}
