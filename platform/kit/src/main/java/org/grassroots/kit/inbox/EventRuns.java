package org.grassroots.kit.inbox;

import org.grassroots.kit.events.IncomingEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * For an {@link EventHandler#handleAll} that applies a burst set-based: consecutive events that {@code runValue}
 * maps to a value are gathered, keyed by aggregate id, into a run that {@code applyRun} applies at once (one
 * statement for many rows); the last value per id wins, as applying the events one by one would leave it. An
 * event that {@code appliedAlone} accepts ends the run (which is applied first) and goes to {@code applyAlone} on
 * its own, so the order of effects is the order of events. Events neither gathers nor accepts are skipped.
 */
public final class EventRuns {

    private EventRuns() {
    }

    public static <V> void apply(List<IncomingEvent> events, Function<IncomingEvent, V> runValue,
                                 Function<IncomingEvent, UUID> aggregateId, Predicate<IncomingEvent> appliedAlone,
                                 Consumer<Map<UUID, V>> applyRun, Consumer<IncomingEvent> applyAlone) {
        Map<UUID, V> run = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            V value = runValue.apply(event);
            if (value != null) {
                run.put(aggregateId.apply(event), value);
            } else if (appliedAlone.test(event)) {
                flush(run, applyRun);
                applyAlone.accept(event);
            }
        }
        flush(run, applyRun);
    }

    private static <V> void flush(Map<UUID, V> run, Consumer<Map<UUID, V>> applyRun) {
        if (!run.isEmpty()) {
            applyRun.accept(run);
            run.clear();
        }
    }
}
