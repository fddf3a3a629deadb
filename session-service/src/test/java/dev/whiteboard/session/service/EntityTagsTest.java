package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EntityTagsTest {

    @Test
    void aStaleTagOfThisServicesShapeIsNamedBackWithTheCurrentOne() {
        ProblemException stale = catchThrowableOfType(ProblemException.class,
                () -> EntityTags.requireMatch("\"2\"", 3));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.getMessage()).contains("since \"2\"").contains("current ETag is \"3\"");
    }

    @Test
    void anyOtherIfMatchValueIsNotEchoedIntoTheAnswer() {
        String pasted = "\"" + "x".repeat(2000) + "\"";
        String foreign = "\"abc\", W/\"secret-token-value\"";

        for (String ifMatch : new String[] {pasted, foreign, "garbage"}) {
            ProblemException stale = catchThrowableOfType(ProblemException.class,
                    () -> EntityTags.requireMatch(ifMatch, 3));

            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.getMessage()).doesNotContain("xxxxxx").doesNotContain("secret-token-value")
                    .doesNotContain("garbage").contains("the ETag in If-Match").contains("\"3\"");
        }
    }

    @Test
    void theCurrentTagAStarOrNoHeaderPass() {
        assertThatCode(() -> EntityTags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("*", 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch(null, 3)).doesNotThrowAnyException();
    }
}
