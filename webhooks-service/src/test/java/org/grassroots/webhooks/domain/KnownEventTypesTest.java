package org.grassroots.webhooks.domain;

import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownEventTypesTest {

    @Test
    void lifecycleTypesOfTheCatalogueAreSubscribableInOrderAndOnce() {
        assertArrayEquals(new String[] {EventTypes.EVENT_SCHEDULED, EventTypes.MEMBER_JOINED},
                KnownEventTypes.check(List.of(EventTypes.MEMBER_JOINED, EventTypes.EVENT_SCHEDULED,
                        EventTypes.MEMBER_JOINED)));
        assertTrue(KnownEventTypes.CATALOGUE.contains(EventTypes.OFFICE_HOLDER_CHANGED_PARTY));
    }

    @Test
    void typesNoEndpointCouldEverReceiveAreRefusedRatherThanSilentlyNeverDelivered() {
        assertThrows(ProblemException.class, () -> KnownEventTypes.check(List.of(EventTypes.MEMBER_STATE)));
        assertThrows(ProblemException.class,
                () -> KnownEventTypes.check(List.of(EventTypes.WEBHOOK_ENDPOINT_DISABLED)));
        assertThrows(ProblemException.class, () -> KnownEventTypes.check(List.of("org.grassroots.nothing.v1")));
    }
}
