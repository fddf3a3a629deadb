package dev.whiteboard.e2e.interview;

import dev.whiteboard.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same interview through the generated TypeScript client: runs {@code node --test} in clients/typescript
 * (built by the clients module) with the services' URLs and a fresh tenant's key in its environment, and
 * passes when node's test runner does. Its output goes to this test's stdout.
 */
class InterviewThroughTypeScriptClientTest {
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void aWholeInterviewThroughTheGeneratedTypeScriptClient() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        Path typescript = Path.of(System.getProperty("wb.root", "..")).toAbsolutePath().normalize()
                .resolve("clients").resolve("typescript");
        Path compiledTest = typescript.resolve("dist/test/interview.test.js");
        assertThat(compiledTest).as("the TypeScript client is built by the clients module (npm run build)").exists();

        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", compiledTest.toString())
                .directory(typescript.toFile()).redirectErrorStream(true);
        node.environment().putAll(Map.of(
                "WB_SESSION_URL", suite.url(RunningSuite.SESSION),
                "WB_ESTIMATION_URL", suite.url(RunningSuite.ESTIMATION),
                "WB_FEEDBACK_URL", suite.url(RunningSuite.FEEDBACK),
                "WB_API_KEY", suite.newTenantKey("TypeScript platform", "pro"),
                "WB_INTERVIEW_SCRIPT", InterviewScript.file().toString()));
        Process process = node.start();
        Thread relay = new Thread(() -> relayOutput(process), "node-output");
        relay.start();

        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        relay.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(finished).as("node --test finished within %d minutes", TIMEOUT_MINUTES).isTrue();
        assertThat(process.exitValue()).as("exit code of node --test (its output is above)").isZero();
    }

    private static void relayOutput(Process process) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> System.out.println("[node] " + line));
        } catch (IOException e) {
            System.out.println("[node] output ended: " + e.getMessage());
        }
    }
}
