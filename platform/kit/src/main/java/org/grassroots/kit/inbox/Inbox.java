package org.grassroots.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
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
     * Records a batch of events in one statement (plain JDBC: for a burst of thousands, the ORM's handling of the
     * returned ids cost more than the statement).
     *
     * @return the ids not processed before (in no particular order): apply only these, each once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox (consumer, event_id)
                    select ?, id from unnest(?::uuid[]) as ids (id)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray(UUID[]::new)));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
