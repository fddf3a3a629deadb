package dev.whiteboard.e2e.fuzz;

import dev.whiteboard.e2e.suite.RunningSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends each running service at least 10,000 generated bad requests (see {@link FuzzCase}) spread over
 * every operation of its committed OpenAPI document, mostly with a valid key, and checks that none
 * gets a 5xx, every 4xx is problem+json, no body shows a stack trace, a class name or a secret, and
 * every service is still ready afterwards. {@code -Dwb.fuzz.seed=N} replays a run;
 * {@code -Dwb.fuzz.requests=N} changes the count.
 */
class ServiceFuzzTest {
    /** The pepper RunningSuite gives the services (it has no constant for it). */
    private static final String SUITE_KEY_PEPPER = "e2e-key-pepper";
    private static final int CONCURRENCY = 16;

    private static RunningSuite suite;
    private static long seed;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.shared();
        seed = Long.getLong("wb.fuzz.seed", System.nanoTime());
        System.out.println("fuzz seed " + seed + " (replay with -Dwb.fuzz.seed=" + seed + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {RunningSuite.SESSION, RunningSuite.ESTIMATION, RunningSuite.FEEDBACK})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void badRequestsGetProblemsNeverServerErrorsOrLeaks(String service) throws Exception {
        OpenApiDocument document = documentOf(service);
        String key = suite.newTenantKey("fuzz " + service, "pro");
        FuzzRequestGenerator generator = new FuzzRequestGenerator(document, seed,
                new FuzzRequestGenerator.Credentials(key, RunningSuite.OPERATOR_SECRET, RunningSuite.INTERNAL_TOKEN));
        ResponseInspector inspector = new ResponseInspector(
                List.of(key, RunningSuite.OPERATOR_SECRET, RunningSuite.INTERNAL_TOKEN, SUITE_KEY_PEPPER));
        long requests = Math.max(10_000L, Long.getLong("wb.fuzz.requests", 10_000L));

        FuzzCampaign.Outcome outcome;
        try (FuzzCampaign campaign = new FuzzCampaign(URI.create(suite.url(service)), generator, inspector, CONCURRENCY)) {
            int learnt = campaign.learnIdentifiers();
            long started = System.nanoTime();
            outcome = campaign.run(requests);
            System.out.printf("fuzz %s: %d operations, %d creations answered 2xx, seed %d, %.1f s%n  %s%n", service,
                    generator.operations().size(), learnt, seed, (System.nanoTime() - started) / 1e9, outcome.summary());
        }

        for (String name : List.of(RunningSuite.SESSION, RunningSuite.ESTIMATION, RunningSuite.FEEDBACK)) {
            assertThat(suite.service(name).ready()).as("%s ready after fuzzing %s", name, service).isTrue();
        }
        assertThat(outcome.sent()).isGreaterThanOrEqualTo(requests);
        assertThat(outcome.failures()).as("%d failing exchanges with seed %d, by kind with examples:", outcome.failed(), seed)
                .isEmpty();
        assertThat(outcome.count("5xx")).as("5xx answers (seed %d)", seed).isZero();
    }

    /**
     * The committed document when it declares operations; until it does, the one the running service
     * serves, so the service is fuzzed either way.
     */
    private static OpenApiDocument documentOf(String service) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("wb.root", "..")).toAbsolutePath().normalize();
        Path committed = root.resolve("openapi").resolve(service + ".json");
        if (Files.exists(committed)) {
            OpenApiDocument document = OpenApiDocument.read(committed);
            if (!document.operations().isEmpty()) {
                System.out.println("fuzz " + service + ": committed document " + committed);
                return document;
            }
        }
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(suite.url(service) + "/q/openapi?format=json")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).as("GET /q/openapi of %s", service).isEqualTo(200);
        System.out.println("fuzz " + service + ": no committed operations yet; the document the service serves");
        return OpenApiDocument.parse(served.body());
    }
}
