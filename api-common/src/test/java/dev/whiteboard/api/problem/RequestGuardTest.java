package dev.whiteboard.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {

    @Test
    void findsEncodedAndRawControlCharacters() {
        assertThat(RequestGuard.controlCharacterAt("/candidates/%00/progress")).isEqualTo(12);
        assertThat(RequestGuard.controlCharacterAt("/templates/default%0a")).isEqualTo(18);
        assertThat(RequestGuard.controlCharacterAt("/sessions?candidateRef=a%1Fb")).isEqualTo(24);
        assertThat(RequestGuard.controlCharacterAt("/x/%7f")).isEqualTo(3);
        assertThat(RequestGuard.controlCharacterAt("/x/a\tb")).isEqualTo(4);
    }

    @Test
    void leavesPrintableTargetsAlone() {
        assertThat(RequestGuard.controlCharacterAt("/candidates/c%20d%2F%C3%A9/progress?limit=5")).isEqualTo(-1);
        assertThat(RequestGuard.controlCharacterAt("/discount/100%")).isEqualTo(-1);
        assertThat(RequestGuard.controlCharacterAt("/x/%2")).isEqualTo(-1);
        assertThat(RequestGuard.controlCharacterAt("/x/%zz")).isEqualTo(-1);
    }
}
