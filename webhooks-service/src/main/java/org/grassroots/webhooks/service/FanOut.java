package org.grassroots.webhooks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.delivery.DeliveryDispatcher;
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
    Event<DeliveryDispatcher.MessagesDue> due;

    /**
     * The messages for a batch of events, in order (the consumer's batch of a burst: the endpoints are read once).
     *
     * @return the messages made (none if no endpoint wants the events)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int messagesFor(List<IncomingEvent> events) {
        List<WebhookEndpoint> enabled = WebhookEndpoint.list("disabled = false order by id");
        OffsetDateTime now = SuiteClock.timestamp(clock);
        int made = 0;
        for (IncomingEvent event : events) {
            String body = null;
            for (WebhookEndpoint endpoint : enabled) {
                if (!endpoint.wants(event.type())) {
                    continue;
                }
                body = body != null ? body : WebhookPayloads.body(event, now, mapper);
                persist(endpoint, event, body, now);
                made++;
            }
        }
        if (made > 0) {
            due.fire(new DeliveryDispatcher.MessagesDue());
        }
        return made;
    }

    private static void persist(WebhookEndpoint endpoint, IncomingEvent event, String body, OffsetDateTime now) {
        WebhookMessage message = new WebhookMessage();
        message.id = TimeOrderedIds.next();
        message.endpointId = endpoint.id;
        message.eventId = event.id();
        message.eventType = event.type();
        message.resourceKey = event.key() != null ? event.key() : event.subject();
        message.body = body;
        message.eventTime = event.time();
        message.createdAt = now;
        message.state = WebhookMessage.PENDING;
        message.retrying = true;
        message.nextAttemptAt = now;
        message.persist();
    }
}
