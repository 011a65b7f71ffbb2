package org.grassroots.testing;

import org.grassroots.kit.time.SuiteClock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * "Now" as the services under test see it: the suite's clock, moved as they are by {@code GRASSROOTS_CLOCK_OFFSET}.
 * A test that needs a future event or a stale heartbeat computes it from here, never from the machine's date.
 */
public final class TestClock {

    private static final Clock CLOCK = SuiteClock.fromEnvironment();

    private TestClock() {
    }

    public static Clock clock() {
        return CLOCK;
    }

    /** Now in UTC, to the microsecond, as the services store it. */
    public static OffsetDateTime now() {
        return SuiteClock.timestamp(CLOCK);
    }

    /** Today where the party's events happen. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(ZoneId.of("Europe/London")));
    }
}
