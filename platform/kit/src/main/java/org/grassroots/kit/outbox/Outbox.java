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
import org.grassroots.kit.ids.TimeOrderedIds;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
        UUID eventId = TimeOrderedIds.next();
        // A tombstone's null is written as a literal: a null parameter would need a type.
        String value = payload == null ? "null" : "?7";
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

    /** Records one event; see {@link #record(String, String, String, Object)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutboxMessage message) {
        return record(message.topic(), message.aggregateId(), message.type(), message.payload());
    }

    /**
     * Records many events with one statement, in the given order: for bulk writers (an import), where a statement
     * per event would cost more than the change itself. The rows go as arrays that PostgreSQL unnests in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        int n = messages.size();
        String[][] columns = new String[5][n];
        for (int i = 0; i < n; i++) {
            OutboxMessage message = messages.get(i);
            columns[0][i] = TimeOrderedIds.next().toString();
            columns[1][i] = message.topic();
            columns[2][i] = message.aggregateId();
            columns[3][i] = message.type();
            columns[4][i] = message.payload() == null ? null : toJson(message.payload());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                    select event_id::uuid, topic, message_key, event_type, message_key, ?, payload
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                         as row (event_id, topic, message_key, event_type, payload, position)
                    order by position""")) {
                insert.setObject(1, now);
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(2 + c, connection.createArrayOf("text", columns[c]));
                }
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
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
