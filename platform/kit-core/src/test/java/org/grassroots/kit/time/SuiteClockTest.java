package org.grassroots.kit.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteClockTest {

    @Test
    void anOffsetMovesTheClockByThatMuchEitherWay() {
        for (String offset : new String[] {"P400D", "-P400D", "PT36H"}) {
            Duration moved = SuiteClock.parseOffset(offset);
            Clock clock = SuiteClock.movedBy(moved);
            long drift = Duration.between(Instant.now().plus(moved), clock.instant()).abs().toMillis();
            assertTrue(drift < 1_000, offset + " moved the clock by " + moved + " give or take " + drift + " ms");
        }
    }

    @Test
    void noOffsetIsTheSystemsUtcClock() {
        assertEquals(Clock.systemUTC(), SuiteClock.movedBy(SuiteClock.parseOffset("  ")));
        assertEquals(Clock.systemUTC(), SuiteClock.movedBy(SuiteClock.parseOffset(null)));
    }

    @Test
    void anOffsetThatIsNotADurationIsRefusedWithWhatToWrite() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SuiteClock.parseOffset("+400 days"));
        assertTrue(refused.getMessage().contains("P400D"), refused.getMessage());
    }

    @Test
    void timestampsKeepMicrosecondsInUtcAsPostgresDoes() {
        var now = SuiteClock.timestamp(Clock.fixed(Instant.parse("2001-06-05T10:15:30.123456789Z"),
                java.time.ZoneId.of("Europe/London")));
        assertEquals("2001-06-05T10:15:30.123456Z", now.toString());
    }
}
