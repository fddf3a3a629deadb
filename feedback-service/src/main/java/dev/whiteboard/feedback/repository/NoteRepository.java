package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class NoteRepository implements PanacheRepositoryBase<NoteRecord, String> {

    /** The sessions' notes in the order they were written, read as plain values (nothing to track). */
    public Uni<List<NoteLine>> linesBySessions(Collection<UUID> sessionIds) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select new dev.whiteboard.feedback.repository.NoteLine(n.sessionId, n.phase, n.text) "
                                + "from NoteRecord n where n.sessionId in ?1 order by n.sequence", NoteLine.class)
                .setParameter(1, sessionIds)
                .getResultList());
    }

    /** Notes are append-only: a note id already stored is kept as it is. */
    public Uni<Integer> insertAll(List<NoteRecord> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> MultiRowInsert.execute(session, "notes",
                List.of(
                        new MultiRowInsert.Column("note_id", "text"),
                        new MultiRowInsert.Column("tenant_id", "text"),
                        new MultiRowInsert.Column("session_id", "uuid"),
                        new MultiRowInsert.Column("phase", "text"),
                        new MultiRowInsert.Column("text", "text"),
                        new MultiRowInsert.Column("sequence", "bigint"),
                        new MultiRowInsert.Column("written_at", "timestamptz"),
                        new MultiRowInsert.Column("has_estimate", "boolean")),
                "ON CONFLICT (note_id) DO NOTHING",
                rows.stream().map(n -> new Object[] {n.noteId, n.tenantId, n.sessionId, n.phase, n.text, n.sequence,
                        n.writtenAt, n.hasEstimate}).toList()));
    }
}
