package dev.whiteboard.feedback.repository;

import dev.whiteboard.feedback.domain.ReportStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ReportRepository implements PanacheRepositoryBase<ReportRecord, UUID> {
    private static final List<MultiRowInsert.Column> COLUMNS = List.of(
            new MultiRowInsert.Column("session_id", "uuid"),
            new MultiRowInsert.Column("tenant_id", "text"),
            new MultiRowInsert.Column("candidate_ref", "text"),
            new MultiRowInsert.Column("status", "text"),
            new MultiRowInsert.Column("overall_score", "integer"),
            new MultiRowInsert.Column("coverage", "double precision"),
            new MultiRowInsert.Column("body", "text"),
            new MultiRowInsert.Column("coverage_key", "text"),
            new MultiRowInsert.Column("computed_version", "bigint"),
            new MultiRowInsert.Column("created_at", "timestamptz"),
            new MultiRowInsert.Column("updated_at", "timestamptz"),
            new MultiRowInsert.Column("finalized_at", "timestamptz"),
            new MultiRowInsert.Column("ended_at", "timestamptz"));
    /** The table the native read declares, so that it flushes as an HQL query on ReportRecord would. */
    private static final AffectedEntities REPORTS = new AffectedEntities(ReportRecord.class);
    private static final String KEEP_EXISTING = "ON CONFLICT (session_id) DO NOTHING";
    private static final String REPLACE_KEEPING_FIRST_FINALIZATION = """
            ON CONFLICT (session_id) DO UPDATE SET candidate_ref = EXCLUDED.candidate_ref,
                status = EXCLUDED.status, overall_score = EXCLUDED.overall_score, coverage = EXCLUDED.coverage,
                body = EXCLUDED.body, coverage_key = EXCLUDED.coverage_key,
                computed_version = EXCLUDED.computed_version, updated_at = EXCLUDED.updated_at,
                finalized_at = COALESCE(reports.finalized_at, EXCLUDED.finalized_at), ended_at = EXCLUDED.ended_at""";

    /** Reports of sessions seen for the first time: PENDING until their first computation. */
    public Uni<Integer> insertPending(List<ReportRecord> rows) {
        return write(rows, KEEP_EXISTING);
    }

    /** Writes computed reports without reading them first; the time a report first turned FINAL is kept. */
    public Uni<Integer> upsertAll(List<ReportRecord> rows) {
        return write(rows, REPLACE_KEEPING_FIRST_FINALIZATION);
    }

    private Uni<Integer> write(List<ReportRecord> rows, String onConflict) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> MultiRowInsert.execute(session, "reports", COLUMNS, onConflict,
                rows.stream().map(r -> new Object[] {r.sessionId, r.tenantId, r.candidateRef, r.status.name(),
                        r.overallScore, r.coverage, r.body, r.coverageKey, r.computedVersion, r.createdAt, r.updatedAt,
                        r.finalizedAt, r.endedAt}).toList()));
    }

    /**
     * The stored bodies of these sessions' reports whose coverage was computed from the given input
     * ({@code coverageKeys}: session to fingerprint), by session; sessions whose report was computed from
     * other notes, or never, are absent.
     */
    public Uni<Map<UUID, String>> bodiesWithCoverageKeys(Map<UUID, String> coverageKeys) {
        if (coverageKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] sessionIds = new UUID[coverageKeys.size()];
        String[] keys = new String[coverageKeys.size()];
        int i = 0;
        for (Map.Entry<UUID, String> entry : coverageKeys.entrySet()) {
            sessionIds[i] = entry.getKey();
            keys[i++] = entry.getValue();
        }
        return getSession().chain(session -> session.<Object[]>createNativeQuery("""
                        SELECT r.session_id, r.body FROM reports r
                        JOIN unnest(cast(?1 as uuid[]), cast(?2 as text[])) AS k(session_id, coverage_key)
                          ON r.session_id = k.session_id AND r.coverage_key = k.coverage_key""", REPORTS)
                .setParameter(1, sessionIds)
                .setParameter(2, keys)
                .getResultList()
                .map(rows -> {
                    Map<UUID, String> bodies = new HashMap<>();
                    for (Object[] row : rows) {
                        bodies.put((UUID) row[0], (String) row[1]);
                    }
                    return bodies;
                }));
    }

    public Uni<ReportRecord> findForTenant(UUID sessionId, String tenantId) {
        return find("sessionId = ?1 and tenantId = ?2", sessionId, tenantId).firstResult();
    }

    /** A candidate's reports in one tenant, most recent first. */
    public Uni<List<ReportRecord>> listForCandidate(String tenantId, String candidateRef, int limit) {
        return find("tenantId = ?1 and candidateRef = ?2 order by createdAt desc", tenantId, candidateRef)
                .page(Page.ofSize(limit)).list();
    }

    public Uni<Map<ReportStatus, Long>> countByStatus() {
        return getSession().chain(session -> session
                .createSelectionQuery("select r.status, count(r) from ReportRecord r group by r.status", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<ReportStatus, Long> counts = new EnumMap<>(ReportStatus.class);
                    for (ReportStatus status : ReportStatus.values()) {
                        counts.put(status, 0L);
                    }
                    for (Object[] row : rows) {
                        counts.put((ReportStatus) row[0], (Long) row[1]);
                    }
                    return counts;
                });
    }

    /** The mean coverage (0..1) of all final reports, or null when there is none. */
    public Uni<Double> averageFinalCoverage() {
        return getSession().chain(session -> session
                .createSelectionQuery("select avg(r.coverage) from ReportRecord r where r.status = ?1 and r.coverage is not null",
                        Double.class)
                .setParameter(1, ReportStatus.FINAL)
                .getSingleResultOrNull());
    }
}
