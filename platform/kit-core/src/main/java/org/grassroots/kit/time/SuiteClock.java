package org.grassroots.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The suite's one "now": the system's UTC clock, moved by an offset from configuration
 * ({@code grassroots.clock.offset}, environment {@code GRASSROOTS_CLOCK_OFFSET}, an ISO-8601 duration such as
 * {@code P400D} or {@code -P400D}). Services get it as a CDI bean ({@link ClockProducer}); the local run and the tests,
 * which are not CDI applications, get the same clock from {@link #fromEnvironment()}, so a test that needs "a future
 * event" computes it from the time the services see.
 *
 * <p>Why an offset rather than {@code faketime}: {@code faketime} moves every process, and the Kafka broker's JVM
 * spins at full CPU under it. Moving only our own clock proves what matters, that no code or test assumes a date.
 */
public final class SuiteClock {

    public static final String PROPERTY = "grassroots.clock.offset";
    public static final String ENVIRONMENT = "GRASSROOTS_CLOCK_OFFSET";

    private SuiteClock() {
    }

    /** The clock moved by {@code offset} (zero: the system's UTC clock itself). */
    public static Clock movedBy(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    /** The clock as this process is configured: the system property, else the environment variable, else none. */
    public static Clock fromEnvironment() {
        return movedBy(offsetFromEnvironment());
    }

    public static Duration offsetFromEnvironment() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return parseOffset(value);
    }

    /** An ISO-8601 duration ({@code P400D}, {@code -P1Y} is not one: years vary; {@code -P365D} is); blank is zero. */
    public static Duration parseOffset(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + " (" + ENVIRONMENT + ") must be an ISO-8601 duration such as "
                    + "P400D or -P400D, not '" + value + "'", e);
        }
    }

    /**
     * Now as PostgreSQL keeps it (microseconds, UTC): a value written and read back compares equal to the one the
     * service answered with.
     */
    public static OffsetDateTime timestamp(Clock clock) {
        return OffsetDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
