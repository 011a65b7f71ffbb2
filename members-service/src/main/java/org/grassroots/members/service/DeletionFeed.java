package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The other half of the change feed: ids that stopped existing, because they were merged into another record or
 * erased. An integration that syncs with {@code ?updatedSince=} reads this to delete its copies.
 */
@ApplicationScoped
public class DeletionFeed {

    public record Deletion(UUID memberId, String reason, UUID survivorId, OffsetDateTime at) {
    }

    private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final UUID ZERO = new UUID(0, 0);

    @Inject
    EntityManager entityManager;

    @SuppressWarnings("unchecked")
    public Page<Deletion> since(OffsetDateTime since, PageRequest request) {
        OffsetDateTime afterAt = request.after() == null ? (since == null ? EPOCH : since.minusNanos(1000))
                : request.after().dateTime(0);
        UUID afterId = request.after() == null ? ZERO : request.after().uuid(1);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select member_id, reason, survivor_id, at from (
                            select merged_id as member_id, 'merged' as reason, survivor_id, merged_at as at
                            from member_redirect
                            union all
                            select member_id, 'erased', null, erased_at from erasure_audit) deletions
                        where at > ?1 or (at = ?1 and member_id > ?2)
                        order by at, member_id limit ?3""")
                .setParameter(1, afterAt)
                .setParameter(2, afterId)
                .setParameter(3, request.fetchSize())
                .getResultList();
        List<Deletion> deletions = rows.stream().map(r -> new Deletion((UUID) r[0], (String) r[1], (UUID) r[2],
                toOffset(r[3]))).toList();
        return request.page(deletions, d -> Cursor.of(d.at(), d.memberId()));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
