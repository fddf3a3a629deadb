package dev.whiteboard.feedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.whiteboard.feedback.scoring.NotationCharFilter.Rewrite;

/**
 * A rewrite's pre-check may only skip texts its pattern cannot match: checked on every line of the labelled
 * answers, on notation written to sit at the edges of the patterns, and on random strings of the characters
 * the patterns care about.
 */
class NotationCharFilterTest {

    private static final String RANDOM_CHARACTERS = "aAbBzZnNmMsS1109 \t-:/()<>=~%_.,’‘→←⟶↔≤≫IdKey";
    private static final String[] RANDOM_WORDS = {"get", "Set", "DELETE", "post", "POST ", "Order", "kb", "GB",
            "bytes", "sec", "ms", "user", "Id", "Count", "->", " -> ", "(x)", "e"};
    private static final int RANDOM_TEXTS = 50_000;

    @Test
    void preChecksHoldForEveryTextTheirPatternMatches() {
        List<String> texts = new ArrayList<>(List.of(
                "placeOrder, trackOrder", "postId", "sendMessage(convId, body)", "shorten(url) → code",
                "f(x)->y", "get/set/delete", "GET/Put/post", "a/get/set/delete", "/get/set/x", "POST /urls",
                "GET\t/x", "1-N", "1 : n", "N:M", "m - n", "reads >> writes", "write >>> read", "reads≫writes", "a ->> b", "x > y",
                "<->", "-->", "<- a", "←", "⟶", "↔", "<2s", "<= ~5", "≤3", "90 %", "reads/s", "2 KB/event",
                "5 bytes/x", "1b/s", "100M", "1.5k users", "2,5GB", "userId", "read:write", "user_id", "it’s",
                "‘q’", "200M saves/d", "3 GB/mo", "key N-1 device", "n : 1", "Entry 0..1 Filing", "Order 1..* Line",
                "0 .. n"));
        for (String answers : List.of("development.json", "held-out.json")) {
            CoverageFixtures.labelledAnswers(answers).forEach(answer -> answer.notes()
                    .forEach(note -> texts.addAll(note.text().lines().toList())));
        }
        Random random = new Random(7);
        for (int i = 0; i < RANDOM_TEXTS; i++) {
            texts.add(randomText(random));
        }

        for (Rewrite rewrite : NotationCharFilter.REWRITES) {
            int matched = 0;
            for (String text : texts) {
                if (rewrite.pattern().matcher(text).find()) {
                    matched++;
                    assertThat(rewrite.mayMatch().test(text)).as(rewrite.pattern() + " on \"" + text + "\"").isTrue();
                }
            }
            assertThat(matched).as("texts matched by " + rewrite.pattern()).isGreaterThan(0);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(3) == 0) {
                text.append(RANDOM_WORDS[random.nextInt(RANDOM_WORDS.length)]);
            } else {
                text.append(RANDOM_CHARACTERS.charAt(random.nextInt(RANDOM_CHARACTERS.length())));
            }
        }
        return text.toString();
    }
}
