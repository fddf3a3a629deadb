package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.CoverageScorer;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the coverage of recent sessions' notes: a report recomputed for another reason (an estimate
 * graded, a phase ended, the interview completed) reuses the coverage when the notes did not change. The
 * scorer is a pure function of the template version and the notes, so the memo is never stale. Coverage
 * read back from a stored report whose {@link #fingerprint} matches can be handed in with {@link #remember},
 * for reports recomputed later than this memo holds (an estimate graded minutes after the interview).
 */
@ApplicationScoped
public class CoverageMemo {
    static final int CAPACITY = 2048;

    private final CoverageScorer scorer;
    private final Map<Key, CoverageReport> recent = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CoverageReport> eldest) {
            return size() > CAPACITY;
        }
    };

    public CoverageMemo(CoverageScorer scorer) {
        this.scorer = scorer;
    }

    private record Key(String templateId, int templateVersion, List<NoteText> notes) {
    }

    /**
     * Identifies the scorer's input (template version and notes in order), as stored beside a report: SHA-256,
     * so that two different inputs never share one.
     */
    public static String fingerprint(TemplateSpec template, List<NoteText> notes) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, template.id());
        update(digest, Integer.toString(template.version()));
        for (NoteText note : notes) {
            update(digest, note.phase());
            update(digest, note.text());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each value is preceded by its length, so that no two lists of values hash alike by where they split. */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Remembers coverage computed earlier for exactly these notes (its fingerprint matched). */
    public void remember(TemplateSpec template, List<NoteText> notes, CoverageReport report) {
        Key key = new Key(template.id(), template.version(), List.copyOf(notes));
        synchronized (recent) {
            recent.putIfAbsent(key, report);
        }
    }

    /** Whether the coverage of exactly these notes is held here (a stored copy need not be read). */
    public boolean holds(TemplateSpec template, List<NoteText> notes) {
        Key key = new Key(template.id(), template.version(), List.copyOf(notes));
        synchronized (recent) {
            return recent.containsKey(key);
        }
    }

    public CoverageReport score(TemplateSpec template, List<NoteText> notes) {
        Key key = new Key(template.id(), template.version(), List.copyOf(notes));
        synchronized (recent) {
            CoverageReport known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        CoverageReport report = scorer.score(template, notes);
        synchronized (recent) {
            recent.put(key, report);
        }
        return report;
    }
}
