package org.grassroots.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
     * returned ids cost more than the statement). Nearly always every event is new: a plain insert, and only if
     * one was processed before, the careful one that skips it ({@link NewRows}).
     *
     * @return the ids not processed before (in no particular order): apply only these, each once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        // A copy of an event within the batch (a re-sent outbox batch) would fail the plain insert for nothing.
        UUID[] ids = new LinkedHashSet<>(eventIds).toArray(UUID[]::new);
        Set<UUID> fresh = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> NewRows.insert(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox (consumer, event_id) select ?, id from unnest(?::uuid[]) as ids (id)""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.executeUpdate();
                fresh.addAll(Arrays.asList(ids));
            }
            return null;
        }, () -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox (consumer, event_id)
                    select ?, id from unnest(?::uuid[]) as ids (id)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getObject(1, UUID.class));
                    }
                }
            }
            return null;
        }));
        return fresh;
    }
}
