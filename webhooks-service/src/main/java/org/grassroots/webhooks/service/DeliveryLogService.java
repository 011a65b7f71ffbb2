package org.grassroots.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Caller;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.delivery.DeliveryDispatcher;
import org.grassroots.webhooks.domain.Recovery;
import org.grassroots.webhooks.domain.StoredAttempt;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.webhooks.domain.WebhookMessage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An endpoint's attempts log, and sending its messages again: one (resend) or every failed one since (recover). */
@ApplicationScoped
public class DeliveryLogService {

    public static final Set<String> OUTCOMES = Set.of(WebhookMessage.SUCCEEDED, WebhookMessage.FAILED);

    @Inject
    Clock clock;

    @Inject
    EndpointService endpoints;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<DeliveryDispatcher.MessagesDue> due;

    /** An attempt and the type of its message. */
    public record LoggedAttempt(StoredAttempt attempt, WebhookMessage message) {
    }

    /** How far a recovery is: its messages, how many have been re-sent. */
    public record RecoveryProgress(Recovery recovery, long total, long resent) {
        public boolean completed() {
            return resent >= total;
        }
    }

    /** The endpoint's attempts, oldest first, optionally only those with this outcome. */
    public Page<LoggedAttempt> attempts(Caller caller, UUID endpointId, String outcome, PageRequest request) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw ProblemException.badRequest("outcome", "must be succeeded or failed");
        }
        WebhookEndpoint endpoint = endpoints.find(caller, endpointId);
        Map<String, Object> params = new HashMap<>();
        params.put("endpoint", endpoint.id);
        String where = "endpointId = :endpoint";
        if (outcome != null) {
            where += " and outcome = :outcome";
            params.put("outcome", outcome);
        }
        if (request.after() != null) {
            where += " and id > :after";
            params.put("after", request.after().uuid(0));
        }
        List<StoredAttempt> rows = StoredAttempt.<StoredAttempt>find(where + " order by id", params)
                .page(0, request.fetchSize()).list();
        Map<UUID, WebhookMessage> messages = rows.isEmpty() ? Map.of()
                : WebhookMessage.<WebhookMessage>list("id in ?1", rows.stream().map(a -> a.messageId).toList())
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        return request.page(rows, a -> Cursor.of(a.id)).map(a -> new LoggedAttempt(a, messages.get(a.messageId)));
    }

    /** A new attempt of the message, now (on its schedule still if it was being retried; else once). */
    @Transactional
    public void resend(Caller caller, UUID endpointId, String webhookId) {
        WebhookEndpoint endpoint = sendable(caller, endpointId);
        UUID id = WebhookMessage.idOf(webhookId);
        WebhookMessage message = id == null ? null : WebhookMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.endpointId.equals(endpoint.id)) {
            throw ProblemException.notFound("Message " + webhookId + " of webhook endpoint " + endpointId);
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        if (message.leaseUntil != null && message.leaseUntil.isAfter(now)) {
            throw ProblemException.conflict("message-in-flight",
                    "An attempt of this message is under way; its outcome will be in the attempts log");
        }
        if (!WebhookMessage.PENDING.equals(message.state)) {
            message.state = WebhookMessage.PENDING;
            message.retrying = false;
        }
        message.nextAttemptAt = now;
        due.fire(new DeliveryDispatcher.MessagesDue());
    }

    /**
     * A recovery of the endpoint's event messages whose last attempt failed at or after {@code since} (test pings
     * and messages in flight excepted): each is due now, once (a message still on its retry schedule keeps it).
     */
    @Transactional
    public RecoveryProgress recover(Caller caller, UUID endpointId, OffsetDateTime since) {
        WebhookEndpoint endpoint = sendable(caller, endpointId);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        Recovery recovery = new Recovery();
        recovery.id = TimeOrderedIds.next();
        recovery.endpointId = endpoint.id;
        recovery.since = since;
        recovery.createdAt = now;
        recovery.persist();
        entityManager.flush();
        int total = entityManager.createNativeQuery("""
                        insert into webhook_recovery_message (recovery_id, message_id)
                        select ?1, id from webhook_message
                        where endpoint_id = ?2 and event_id is not null and last_outcome = 'failed'
                          and last_attempt_at >= ?3 and (lease_until is null or lease_until <= ?4)""")
                .setParameter(1, recovery.id).setParameter(2, endpoint.id).setParameter(3, since)
                .setParameter(4, now).executeUpdate();
        entityManager.createNativeQuery("""
                        update webhook_message
                        set retrying = (state = 'pending' and retrying), state = 'pending', next_attempt_at = ?2
                        where id in (select message_id from webhook_recovery_message where recovery_id = ?1)""")
                .setParameter(1, recovery.id).setParameter(2, now).executeUpdate();
        due.fire(new DeliveryDispatcher.MessagesDue());
        return new RecoveryProgress(recovery, total, 0);
    }

    public RecoveryProgress recovery(Caller caller, UUID endpointId, UUID recoveryId) {
        WebhookEndpoint endpoint = endpoints.find(caller, endpointId);
        Recovery recovery = Recovery.<Recovery>findByIdOptional(recoveryId)
                .filter(r -> r.endpointId.equals(endpoint.id))
                .orElseThrow(() -> ProblemException.notFound("Recovery " + recoveryId + " of webhook endpoint "
                        + endpointId));
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        select count(*), count(*) filter (where resent) from webhook_recovery_message
                        where recovery_id = ?1""").setParameter(1, recovery.id).getSingleResult();
        return new RecoveryProgress(recovery, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /** The endpoint, if it may be sent to: a disabled endpoint's messages wait until it is enabled again. */
    private WebhookEndpoint sendable(Caller caller, UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.find(caller, endpointId);
        if (endpoint.disabled) {
            throw ProblemException.conflict("endpoint-disabled",
                    "The webhook endpoint is disabled: enable it (PATCH disabled=false) to send to it again");
        }
        return endpoint;
    }
}
