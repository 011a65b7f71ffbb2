package org.grassroots.webhooks.service;

import org.grassroots.webhooks.delivery.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.delivery.Attempt;
import org.grassroots.webhooks.delivery.RetrySchedule;
import org.grassroots.webhooks.domain.StoredAttempt;
import org.grassroots.webhooks.domain.WebhookMessage;
import org.grassroots.webhooks.messaging.WebhookEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Where deliveries stand, in the database, so that any replica can send any message: claiming due messages (each
 * for one attempt, under a lease) and recording how an attempt went (the attempt, the next one on the schedule,
 * the endpoint disabled when it must be).
 */
@ApplicationScoped
public class DeliveryLedger {

    /** Claims are serialised across replicas (a short transaction each), so the in-flight counts they read hold. */
    private static final String CLAIM_LOCK = "select pg_advisory_xact_lock(hashtext('webhooks.claim'))";
    /**
     * Due messages, at most {@code max-in-flight-per-endpoint} in flight per endpoint (those in flight count), oldest due first;
     * a message waits while an earlier one of the same resource is pending on its endpoint (being sent or retried).
     * Per endpoint (a lateral join on its due index), so a backlog of one dead endpoint costs only its few rows.
     */
    private static final String DUE = """
            with in_flight as (
                select endpoint_id, count(*) as busy from webhook_message
                where lease_until > ?1 group by endpoint_id)
            select m.id from webhook_endpoint e
            left join in_flight f on f.endpoint_id = e.id
            cross join lateral (
                select m.id, m.next_attempt_at, m.seq from webhook_message m
                where m.endpoint_id = e.id and m.state = 'pending' and m.next_attempt_at <= ?1
                  and (m.lease_until is null or m.lease_until <= ?1)
                  and not exists (select 1 from webhook_message earlier
                                  where earlier.endpoint_id = m.endpoint_id and earlier.resource_key = m.resource_key
                                    and earlier.state = 'pending' and earlier.seq < m.seq)
                order by m.next_attempt_at, m.seq
                limit greatest(?2 - coalesce(f.busy, 0), 0)) m
            where not e.disabled
            order by m.next_attempt_at, m.seq limit ?3""";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookEvents events;

    @Inject
    DeliveryConfig config;

    private volatile RetrySchedule schedule;

    /**
     * A message claimed for one attempt: what to send and to which endpoint; {@code eventTime} is the event's time
     * while the message is on its schedule (the lag of its delivery is measured from it), null otherwise (a ping, or
     * a one-off re-send of an old message).
     */
    public record Claimed(UUID messageId, UUID endpointId, String webhookId, String type, String body,
                          OffsetDateTime eventTime) {
    }

    /** Claims up to {@code capacity} due messages for one attempt each. */
    @Transactional
    public List<Claimed> claim(int capacity) {
        entityManager.createNativeQuery(CLAIM_LOCK).getSingleResult();
        OffsetDateTime now = SuiteClock.timestamp(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery(DUE, UUID.class).setParameter(1, now)
                .setParameter(2, config.maxInFlightPerEndpoint()).setParameter(3, capacity).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        // SKIP LOCKED: a row another transaction holds (a resend changing it) is left for the next round.
        @SuppressWarnings("unchecked")
        List<WebhookMessage> claimed = entityManager.createNativeQuery(
                        "select * from webhook_message where id = any(?1) for update skip locked", WebhookMessage.class)
                .setParameter(1, due.toArray(UUID[]::new)).getResultList();
        // Long enough for the attempt's timeout: only a replica that died mid-send leaves a lease to expire.
        OffsetDateTime until = now.plus(config.timeout()).plusSeconds(30);
        claimed.forEach(m -> m.leaseUntil = until);
        return claimed.stream().map(m -> new Claimed(m.id, m.endpointId, m.webhookId(), m.eventType, m.body,
                m.retrying ? m.eventTime : null)).toList();
    }

    /** Records the attempt and what follows from it: success, the next attempt, or the end of the schedule. */
    @Transactional
    public void finish(Claimed claimed, Attempt attempt) {
        WebhookMessage message = WebhookMessage.findById(claimed.messageId(), LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return; // its endpoint was deleted meanwhile
        }
        record(message, attempt);
        message.leaseUntil = null;
        if (attempt.succeeded()) {
            message.state = WebhookMessage.SUCCEEDED;
            message.nextAttemptAt = null;
        } else {
            Optional<Duration> wait = Optional.empty();
            if (message.retrying) {
                message.scheduledAttempts++;
                wait = schedule().delayAfter(message.scheduledAttempts, attempt.retryAfter());
            }
            message.state = wait.isPresent() ? WebhookMessage.PENDING : WebhookMessage.FAILED;
            message.nextAttemptAt = wait.map(attempt.attemptedAt()::plus).orElse(null);
        }
        endpointAfter(message.endpointId, attempt);
        entityManager.createNativeQuery(
                        "update webhook_recovery_message set resent = true where message_id = ?1 and not resent")
                .setParameter(1, message.id).executeUpdate();
    }

    /** Stores an attempt of the message (numbered from 1) and its outcome on the message. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(WebhookMessage message, Attempt attempt) {
        StoredAttempt stored = new StoredAttempt();
        stored.id = TimeOrderedIds.next();
        stored.messageId = message.id;
        stored.endpointId = message.endpointId;
        stored.attemptNumber = (int) StoredAttempt.count("messageId", message.id) + 1;
        stored.outcome = attempt.succeeded() ? WebhookMessage.SUCCEEDED : WebhookMessage.FAILED;
        stored.statusCode = attempt.statusCode();
        stored.durationMillis = attempt.durationMillis();
        stored.response = attempt.response();
        stored.error = attempt.error();
        stored.attemptedAt = attempt.attemptedAt();
        stored.persist();
        message.lastAttemptAt = attempt.attemptedAt();
        message.lastOutcome = stored.outcome;
    }

    /**
     * A success ends the endpoint's run of failures; a 410 disables it at once, and so does a run of failures as
     * long as {@code disableAfter}. Plain updates, not the entity: concurrent attempts of one endpoint must not
     * fail each other on its version, and only the transaction that disables it publishes that.
     */
    private void endpointAfter(UUID endpointId, Attempt attempt) {
        if (attempt.succeeded()) {
            entityManager.createNativeQuery(
                            "update webhook_endpoint set failing_since = null where id = ?1 and failing_since is not null")
                    .setParameter(1, endpointId).executeUpdate();
            return;
        }
        entityManager.createNativeQuery(
                        "update webhook_endpoint set failing_since = coalesce(failing_since, ?2) where id = ?1")
                .setParameter(1, endpointId).setParameter(2, attempt.attemptedAt()).executeUpdate();
        OffsetDateTime failingSince = (OffsetDateTime) entityManager.createNativeQuery(
                        "select failing_since from webhook_endpoint where id = ?1", OffsetDateTime.class)
                .setParameter(1, endpointId).getSingleResult();
        boolean failingTooLong = !failingSince.plus(config.disableAfter()).isAfter(attempt.attemptedAt());
        if (attempt.gone() || failingTooLong) {
            String reason = attempt.gone() ? WebhookEvents.REASON_GONE : WebhookEvents.REASON_FAILING;
            disable(endpointId, reason, failingSince);
        }
    }

    private void disable(UUID endpointId, String reason, OffsetDateTime failingSince) {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        int changed = entityManager.createNativeQuery("""
                        update webhook_endpoint set disabled = true, version = version + 1, updated_at = ?2
                        where id = ?1 and not disabled""")
                .setParameter(1, endpointId).setParameter(2, now).executeUpdate();
        if (changed == 1) {
            events.endpointDisabled(new WebhookEvents.EndpointDisabledV1(endpointId, reason, failingSince, now));
        }
    }

    RetrySchedule schedule() {
        RetrySchedule known = schedule;
        if (known == null) {
            known = new RetrySchedule(config.retrySchedule(), config.retryAfterCap(), RandomGenerator.getDefault());
            schedule = known;
        }
        return known;
    }
}
