package org.grassroots.kit.inbox;

import org.grassroots.kit.events.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventRunsTest {

    private static final UUID ANN = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-000000000002");

    private static IncomingEvent event(String type, UUID member) {
        return new IncomingEvent(UUID.randomUUID(), type, "/test", member.toString(), null, "topic",
                member.toString(), null);
    }

    @Test
    void anEventAppliedAloneSplitsTheRunsAndEffectsKeepTheOrderOfEvents() {
        List<String> effects = new ArrayList<>();
        List<IncomingEvent> events = List.of(event("joined", ANN), event("consent", ANN), event("joined", BOB),
                event("status", ANN), event("erased", BOB), event("status", BOB), event("joined", ANN));

        EventRuns.apply(events, e -> e.type().equals("erased") || e.type().equals("consent") ? null : e.type(),
                e -> UUID.fromString(e.key()), e -> e.type().equals("erased"),
                run -> effects.add("run " + names(run)), e -> effects.add("alone " + e.type() + " " + name(e.key())));

        // The consent event is neither gathered nor applied alone: skipped, it does not split the run.
        assertEquals(List.of("run {ann=status, bob=joined}", "alone erased bob", "run {bob=status, ann=joined}"),
                effects);
    }

    @Test
    void aBatchWithNothingToGatherAppliesNoRun() {
        List<String> effects = new ArrayList<>();
        EventRuns.apply(List.of(event("erased", ANN)), e -> null, e -> UUID.fromString(e.key()), e -> true,
                run -> effects.add("run"), e -> effects.add("alone"));
        assertEquals(List.of("alone"), effects);
    }

    private static Map<String, String> names(Map<UUID, String> run) {
        Map<String, String> named = new LinkedHashMap<>();
        run.forEach((id, value) -> named.put(name(id.toString()), value));
        return named;
    }

    private static String name(String id) {
        return id.equals(ANN.toString()) ? "ann" : "bob";
    }
}
