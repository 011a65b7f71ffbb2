package org.grassroots.kit.inbox;

import org.grassroots.kit.events.IncomingEvent;

import java.util.Set;

/**
 * Applies integration events from Kafka. Implement it as a CDI bean and the kit runs a consumer for it: each
 * event is applied at most once (the inbox row and the effect commit together), offsets are committed after the
 * database commit, failures are retried a bounded number of times and then sent to {@code <topic>.dlt}.
 */
public interface EventHandler {

    /** A stable name: the inbox key and part of the consumer group id. Renaming it replays the topics. */
    String name();

    /** The topics to consume. */
    Set<String> topics();

    /**
     * Applies one event, inside the transaction that also records it in the inbox. Throw
     * {@link org.grassroots.kit.events.PoisonEventException} for an event that can never be applied.
     */
    void handle(IncomingEvent event);
}
