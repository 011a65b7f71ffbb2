package org.grassroots.kit.inbox;

import org.grassroots.kit.events.IncomingEvent;

import java.util.List;
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

    /**
     * Applies several events, in order, inside one transaction that also records them in the inbox: a polled batch
     * of a burst (an import's thousands of member events). Override it to apply runs of events set-based, e.g. one
     * upsert for many projection rows, where a statement per event would cost more than the event; the result must
     * be what {@link #handle} one by one would give. If it throws, nothing of the batch is kept and the events are
     * applied one by one with {@link #handle}, so a bad event still costs only itself.
     */
    default void handleAll(List<IncomingEvent> events) {
        events.forEach(this::handle);
    }
}
