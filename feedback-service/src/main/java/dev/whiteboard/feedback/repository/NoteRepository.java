package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class NoteRepository implements PanacheRepositoryBase<NoteRecord, String> {
    /** The table the read of notes declares, so that it flushes as an HQL query on NoteRecord did. */
    private static final AffectedEntities NOTES = new AffectedEntities(NoteRecord.class);

    /**
     * The sessions' notes in the order they were written, read as plain values (nothing to track). One array
     * parameter: the same statement whatever the number of sessions (see SessionRepository.lockByIds).
     */
    public Uni<List<NoteLine>> linesBySessions(Collection<UUID> sessionIds) {
        return getSession().chain(session -> session.<Object[]>createNativeQuery(
                        "SELECT session_id, phase, text FROM notes WHERE session_id = any(?1) ORDER BY sequence", NOTES)
                .setParameter(1, sessionIds.toArray(new UUID[0]))
                .getResultList()
                .map(rows -> {
                    List<NoteLine> lines = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        lines.add(new NoteLine((UUID) row[0], (String) row[1], (String) row[2]));
                    }
                    return lines;
                }));
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
