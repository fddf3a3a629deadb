package dev.whiteboard.feedback.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventLedgerOrderTest {
    /** The order the ledger applied a batch's sessions in before: by the ids' text, events without one first. */
    private static final Comparator<UUID> BY_TEXT = Comparator.comparing(id -> id == null ? "" : id.toString());

    @Test
    void sessionsAreOrderedAsTheirIdsTextSorts() {
        Random random = new Random(42);
        List<UUID> ids = new ArrayList<>(Arrays.asList(null, null,
                UUID.fromString("00000000-0000-0000-0000-000000000000"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-0000-000000000000"),
                UUID.fromString("80000000-0000-0000-7fff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-8000-000000000000"),
                UUID.fromString("0000000a-0000-0000-0000-000000000000"),
                UUID.fromString("00000009-0000-0000-0000-00000000000f")));
        for (int i = 0; i < 2_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
            ids.add(UUID.randomUUID());
        }
        // equal high halves, so that the low halves decide
        UUID base = UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            ids.add(new UUID(base.getMostSignificantBits(), random.nextLong()));
        }

        List<UUID> expected = ids.stream().sorted(BY_TEXT).toList();
        assertThat(ids.stream().sorted(EventLedger.SESSION_ORDER).toList()).isEqualTo(expected);
        for (int i = 0; i + 1 < ids.size(); i++) {
            UUID a = ids.get(i);
            UUID b = ids.get(i + 1);
            assertThat(Integer.signum(EventLedger.SESSION_ORDER.compare(a, b)))
                    .as("%s vs %s", a, b).isEqualTo(Integer.signum(BY_TEXT.compare(a, b)));
        }
    }
}
