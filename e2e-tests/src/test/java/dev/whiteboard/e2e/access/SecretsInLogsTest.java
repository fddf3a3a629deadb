package dev.whiteboard.e2e.access;

import dev.whiteboard.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs last: after every other test drove the suite, no secret may appear in any service's log. */
@Order(Integer.MAX_VALUE)
class SecretsInLogsTest {

    @Test
    void noKeyPepperTokenOrOperatorSecretInAnyLogLine() throws IOException {
        RunningSuite suite = RunningSuite.shared();
        suite.newTenantKey("Audit", "pro");
        List<String> secrets = new ArrayList<>(suite.secrets());
        secrets.addAll(suite.issuedKeys());
        secrets.add("tenant-a-webhook-secret-0123456789");
        assertThat(suite.issuedKeys()).isNotEmpty();
        long lines = 0;
        for (Path log : suite.logFiles()) {
            if (!Files.exists(log)) {
                continue;
            }
            List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines += content.size();
            for (String line : content) {
                for (String secret : secrets) {
                    assertThat(line).as("a line of " + log.getFileName()).doesNotContain(secret);
                }
            }
        }
        assertThat(lines).as("the services logged something").isPositive();
        System.out.printf("audited %d log lines of %d files for %d secrets%n", lines, suite.logFiles().size(),
                secrets.size());
    }
}
