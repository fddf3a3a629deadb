package dev.whiteboard.session.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.session.domain.Template;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored template version is never rewritten (decision 0007), so a change to the default template, a cue
 * included, must ship as a new version: each released version's fingerprint is recorded in
 * {@code default-template-fingerprints.txt}, and the resource must match the one recorded for its version.
 */
class DefaultTemplateVersionTest {
    private static final String RESOURCE = "templates/default-template.json";
    private static final String FINGERPRINTS = "default-template-fingerprints.txt";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theShippedDefaultTemplateIsTheOneRecordedForItsVersion() throws Exception {
        Template template = DefaultTemplateLoader.read(json, RESOURCE);
        Map<Integer, String> recorded = recordedFingerprints();
        String fingerprint = fingerprint(template);

        assertThat(recorded)
                .as("%s: no fingerprint recorded for version %d; add the line \"%d %s\"", FINGERPRINTS,
                        template.version(), template.version(), fingerprint)
                .containsKey(template.version());
        assertThat(recorded.get(template.version()))
                .as("the default template changed but kept version %d, which deployments have stored already: "
                        + "raise its \"version\" in %s and record \"%d %s\" in %s", template.version(), RESOURCE,
                        template.version() + 1, fingerprint, FINGERPRINTS)
                .isEqualTo(fingerprint);
        assertThat(recorded.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("the shipped default template is the latest version recorded")
                .isEqualTo(template.version());
    }

    @Test
    void theFingerprintChangesWithACue() throws Exception {
        Template template = DefaultTemplateLoader.read(json, RESOURCE);
        String edited = json.writeValueAsString(template).replaceFirst("\"cues\":\\[\"", "\"cues\":[\"edited ");
        Template withAnotherCue = json.readValue(edited, Template.class);

        assertThat(fingerprint(withAnotherCue)).isNotEqualTo(fingerprint(template));
    }

    private String fingerprint(Template template) throws IOException, NoSuchAlgorithmException {
        byte[] definition = json.writeValueAsString(template).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(definition));
    }

    private static Map<Integer, String> recordedFingerprints() throws IOException {
        Map<Integer, String> recorded = new HashMap<>();
        try (InputStream in = DefaultTemplateVersionTest.class.getClassLoader().getResourceAsStream(FINGERPRINTS)) {
            assertThat(in).as(FINGERPRINTS + " on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                recorded.put(Integer.parseInt(parts[0]), parts[1]);
            }
        }
        return recorded;
    }
}
