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
import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Records integration events in the {@code outbox} table, inside the caller's transaction, so an event exists if
 * and only if the change it describes was committed. The {@link OutboxRelay} publishes them to Kafka.
 *
 * <p>Record the event after changing the aggregate: the aggregate's row lock then orders concurrent writers, so
 * outbox ids (and publication) follow the order of changes per aggregate.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

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
        return record(new OutboxMessage(topic, aggregateId, type, payload));
    }

    /** Records one event; see {@link #record(String, String, String, Object)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutboxMessage message) {
        return insert(List.of(message))[0];
    }

    /**
     * Records several events, published in the given order: one outbox row holds them all (an import chunk's
     * thousands of events cost one row to insert, read and delete, not thousands; see {@link OutboxRow}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<OutboxMessage> messages) {
        if (!messages.isEmpty()) {
            insert(messages);
        }
    }

    private UUID[] insert(List<OutboxMessage> messages) {
        int n = messages.size();
        UUID[] eventIds = new UUID[n];
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxMessage message = messages.get(i);
            eventIds[i] = TimeOrderedIds.next();
            ids[i] = eventIds[i].toString();
            topics[i] = message.topic();
            keys[i] = message.aggregateId();
            types[i] = message.type();
            payloads[i] = message.payload() == null ? null : toJson(message.payload());
        }
        byte[] packed = OutboxRow.pack(ids, topics, keys, types, payloads);
        // The caller's pending entity changes first, so the aggregate is locked before the outbox row takes its id.
        entityManager.flush();
        OffsetDateTime now = SuiteClock.timestamp(clock);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox (occurred_at, message_count, messages) values (?, ?, ?)")) {
                insert.setObject(1, now);
                insert.setInt(2, n);
                insert.setBytes(3, packed);
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return eventIds;
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
