package org.grassroots.kit.ids;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds, then 12 bits of sub-millisecond time (the RFC's
 * "method 3"), then 62 random bits. Ids made later sort later, so a primary key, an inbox key or a projection key
 * built from them grows at the right edge of its B-tree instead of touching a random page per row: an import
 * writing hundreds of thousands of rows then dirties (and logs) a handful of index pages instead of thousands.
 *
 * <p>Use it for the ids of stored rows and events. They reveal their creation time to the millisecond, which every
 * such row also records in the clear; for a secret, use {@link UUID#randomUUID()}.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        Instant now = Instant.now();
        return of(now.toEpochMilli(), now.getNano() % 1_000_000 * 4096 / 1_000_000,
                ThreadLocalRandom.current().nextLong());
    }

    /** The id for {@code millis} since the epoch, {@code subMillis} in 1/4096 ms (0-4095) and 62 of {@code random}'s bits. */
    static UUID of(long millis, int subMillis, long random) {
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (subMillis & 0x0FFF);
        long low = random & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
