package org.grassroots.webhooks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.delivery.DeliveryDispatcher;
import org.grassroots.webhooks.domain.KnownEventTypes;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.webhooks.domain.WebhookMessage;
import org.grassroots.webhooks.messaging.WebhookPayloads;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** One message per enabled endpoint that wants an event: subscribed to its type and allowed it by its owner. */
@ApplicationScoped
public class FanOut {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    DeliveryDispatcher dispatcher;

    /** @return the messages made (none if no endpoint wants the event) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int messagesFor(IncomingEvent event) {
        @SuppressWarnings("unchecked")
        List<WebhookEndpoint> subscribed = WebhookEndpoint.getEntityManager().createNativeQuery("""
                select * from webhook_endpoint
                where not disabled and (?1 = any(event_types) or ?2 = any(event_types))""", WebhookEndpoint.class)
                .setParameter(1, event.type()).setParameter(2, KnownEventTypes.ALL).getResultList();
        List<WebhookEndpoint> wanting = subscribed.stream().filter(e -> e.wants(event.type())).toList();
        if (wanting.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        String body = WebhookPayloads.body(event, now, mapper);
        for (WebhookEndpoint endpoint : wanting) {
            WebhookMessage message = new WebhookMessage();
            message.id = TimeOrderedIds.next();
            message.endpointId = endpoint.id;
            message.eventId = event.id();
            message.eventType = event.type();
            message.resourceKey = event.key() != null ? event.key() : event.subject();
            message.body = body;
            message.createdAt = now;
            message.state = WebhookMessage.PENDING;
            message.retrying = true;
            message.nextAttemptAt = now;
            message.persist();
        }
        dispatcher.wakeUpAfterCommit();
        return wanting.size();
    }
}
