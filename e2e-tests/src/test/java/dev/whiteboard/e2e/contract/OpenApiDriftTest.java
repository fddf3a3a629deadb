package dev.whiteboard.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.e2e.suite.RunningSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document each running service serves is the one committed in openapi/, from which the clients
 * are generated: an API change without the matching document change fails here, naming each operation.
 */
class OpenApiDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {RunningSuite.SESSION, RunningSuite.ESTIMATION, RunningSuite.FEEDBACK})
    void servedDocumentMatchesTheCommittedOne(String service) throws Exception {
        Path committedFile = Path.of(System.getProperty("wb.root", "..")).toAbsolutePath().normalize()
                .resolve("openapi").resolve(service + ".json");
        JsonNode committed = JSON.readTree(committedFile.toFile());
        JsonNode served = served(RunningSuite.shared().url(service));

        List<String> differences = ContractComparison.differences(committed, served);

        assertThat(differences)
                .withFailMessage(() -> service + " serves an API that differs from openapi/" + service + ".json"
                        + " (if the change is intended, run openapi/update.sh and review the diff):\n  "
                        + String.join("\n  ", differences))
                .isEmpty();
    }

    private static JsonNode served(String baseUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s/q/openapi", baseUrl).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
