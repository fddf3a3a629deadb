package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.SessionEvent;
import dev.whiteboard.feedback.repository.SessionRecord;

import java.util.List;
import java.util.Map;

/**
 * What applying a batch of events did: the sessions it changed (managed and locked in the transaction), the
 * events applied by type, the duplicates skipped, the events refused because their session belongs to
 * another tenant, and the templates published.
 */
public record LedgerResult(List<SessionRecord> touched, Map<EventType, Integer> appliedByType, int duplicates,
                           List<SessionEvent> foreignTenant, List<SessionEvent.TemplatePublished> publishedTemplates) {

    public static LedgerResult nothing(int duplicates) {
        return new LedgerResult(List.of(), Map.of(), duplicates, List.of(), List.of());
    }
}
