package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.CoverageScorer;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the coverage of recent sessions' notes: a report recomputed for another reason (an estimate
 * graded, a phase ended, the interview completed) reuses the coverage when the notes did not change. The
 * scorer is a pure function of the template version and the notes, so the memo is never stale.
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
