package dev.whiteboard.session.repository;

import dev.whiteboard.session.domain.Estimate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A note; never updated once written. */
@Entity
@Table(name = "notes")
public class NoteEntity {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "tenant_id")
    public String tenantId;
    public String phase;
    public String text;
    @JdbcTypeCode(SqlTypes.JSON)
    public Estimate estimate;
    public long sequence;
    @Column(name = "created_at")
    public Instant createdAt;
}
