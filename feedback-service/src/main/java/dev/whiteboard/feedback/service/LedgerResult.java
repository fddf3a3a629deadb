package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.SessionEvent;
import dev.whiteboard.feedback.repository.ReportRecord;
import dev.whiteboard.feedback.repository.SessionRecord;

import java.util.List;
import java.util.Map;

/**
 * What applying a batch of events did: the sessions it changed (managed and locked in the transaction), the
 * events applied by type, the duplicates skipped, the events refused because their session belongs to
 * another tenant, the templates published, and the PENDING report rows of sessions first seen and ended in
 * the batch, not written yet (the report computation in the same transaction writes them).
 */
public record LedgerResult(List<SessionRecord> touched, Map<EventType, Integer> appliedByType, int duplicates,
                           List<SessionEvent> foreignTenant, List<SessionEvent.TemplatePublished> publishedTemplates,
                           List<ReportRecord> pendingReports) {

    public static LedgerResult nothing(int duplicates) {
        return new LedgerResult(List.of(), Map.of(), duplicates, List.of(), List.of(), List.of());
    }
}
