package org.grassroots.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The processed-event ledger of idempotent consumers. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes {@code eventId} in the current transaction.
     *
     * @return false if it was processed before (the caller must then skip the effect)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                        "insert into inbox (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * Records a batch of events in one statement.
     *
     * @return the ids not processed before (in no particular order): apply only these, each once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        List<Object> inserted = entityManager.createNativeQuery("""
                        insert into inbox (consumer, event_id)
                        select ?1, id::uuid from unnest(cast(?2 as text[])) as ids (id)
                        on conflict do nothing
                        returning cast(event_id as text)""")
                .setParameter(1, consumer)
                .setParameter(2, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        inserted.forEach(id -> fresh.add(UUID.fromString(id.toString())));
        return fresh;
    }
}
