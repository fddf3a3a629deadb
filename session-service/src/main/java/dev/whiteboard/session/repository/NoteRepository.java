package dev.whiteboard.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class NoteRepository implements PanacheRepositoryBase<NoteEntity, UUID> {

    public Uni<List<NoteEntity>> forSession(UUID sessionId) {
        return find("sessionId = ?1 order by sequence", sessionId).list();
    }

    public Uni<NoteEntity> findInSession(UUID sessionId, UUID noteId) {
        return find("id = ?1 and sessionId = ?2", noteId, sessionId).firstResult();
    }
}
