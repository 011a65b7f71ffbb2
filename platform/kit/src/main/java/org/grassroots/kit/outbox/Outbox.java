package org.grassroots.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records integration events in the {@code outbox} table, inside the caller's transaction, so an event exists if
 * and only if the change it describes was committed. The {@link OutboxRelay} publishes them to Kafka.
 *
 * <p>Record the event after changing the aggregate: the aggregate's row lock then orders concurrent writers, so
 * outbox ids (and publication) follow the order of changes per aggregate.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    /**
     * @param topic       the Kafka topic
     * @param aggregateId the record key: events of one aggregate stay in order
     * @param type        the CloudEvents type, e.g. {@code org.grassroots.member.joined.v1}
     * @param payload     the event data, serialised as JSON; {@code null} records a tombstone
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String aggregateId, String type, Object payload) {
        UUID eventId = UUID.randomUUID();
        // A tombstone's null is written as a literal: a null parameter carries no type for the jsonb cast.
        String value = payload == null ? "null" : "cast(?7 as jsonb)";
        var insert = entityManager.createNativeQuery("""
                        insert into outbox (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, %s)""".formatted(value))
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, aggregateId)
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC));
        if (payload != null) {
            insert.setParameter(7, toJson(payload));
        }
        insert.executeUpdate();
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
