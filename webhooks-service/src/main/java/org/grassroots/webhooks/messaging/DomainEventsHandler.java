package org.grassroots.webhooks.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.inbox.EventHandler;
import org.grassroots.webhooks.service.FanOut;

import java.util.List;
import java.util.Set;

/**
 * Turns the suite's integration events into webhook messages, one per endpoint that wants the type (the kit's
 * inbox row and the messages commit together, so a replayed record makes none twice). The compacted member-state
 * topic is not consumed: it repeats the member events as state, for projections.
 */
@ApplicationScoped
public class DomainEventsHandler implements EventHandler {

    @Inject
    FanOut fanOut;

    @Override
    public String name() {
        return "webhook-messages";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MEMBERS, Topics.EVENTS, Topics.OFFICE_HOLDERS);
    }

    @Override
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** A burst's batch at once: the endpoints are read once for all its events. */
    @Override
    public void handleAll(List<IncomingEvent> events) {
        fanOut.messagesFor(events.stream().filter(e -> !e.isTombstone()).toList());
    }
}
