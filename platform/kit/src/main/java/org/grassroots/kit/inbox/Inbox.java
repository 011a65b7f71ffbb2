package org.grassroots.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
}
