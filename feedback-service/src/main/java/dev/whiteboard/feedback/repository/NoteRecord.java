package dev.whiteboard.feedback.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A candidate's note, in the phase it was written in. */
@Entity
@Table(name = "notes")
public class NoteRecord {
    @Id
    @Column(name = "note_id")
    public String noteId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "session_id")
    public UUID sessionId;

    public String phase;

    public String text;

    public long sequence;

    @Column(name = "written_at")
    public Instant writtenAt;

    @Column(name = "has_estimate")
    public boolean hasEstimate;
}
