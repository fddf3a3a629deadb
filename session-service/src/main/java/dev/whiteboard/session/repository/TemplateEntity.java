package dev.whiteboard.session.repository;

import dev.whiteboard.session.domain.Template;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One immutable template version; {@code tenantId} null marks the shared default. */
@Entity
@Table(name = "templates")
@IdClass(TemplateEntity.Key.class)
public class TemplateEntity {
    @Id
    public String id;
    @Id
    public int version;
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public Template definition;
    @Column(name = "published_at")
    public Instant publishedAt;

    public static class Key implements Serializable {
        public String id;
        public int version;

        public Key() {
        }

        public Key(String id, int version) {
            this.id = id;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.id, id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, version);
        }
    }
}
