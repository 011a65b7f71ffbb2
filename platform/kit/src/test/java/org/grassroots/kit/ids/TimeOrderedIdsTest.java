package org.grassroots.kit.ids;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariantAndCarryTheirMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "the id's time " + millis + " lies in [" + before + ", " + after + "]");
        assertEquals(UUID.fromString(id.toString()), id);
    }

    @Test
    void idsMadeInLaterMillisecondsSortLaterAsPostgresComparesThem() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(TimeOrderedIds.next().toString());
            Thread.sleep(2);
        }
        // PostgreSQL orders uuids bytewise, which is the order of their canonical text.
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(String::compareTo);
        assertEquals(made, sorted);
    }

    @Test
    void aMillionIdsAreAllDifferent() {
        HashSet<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertTrue(seen.add(TimeOrderedIds.next()), "duplicate after " + i + " ids");
        }
    }

    @Test
    void fieldsLandWhereRfc9562PutsThem() {
        UUID id = TimeOrderedIds.of(0x0123_4567_89ABL, 0xCDE, -1L);
        assertEquals("01234567-89ab-7cde-bfff-ffffffffffff", id.toString());
    }
}
