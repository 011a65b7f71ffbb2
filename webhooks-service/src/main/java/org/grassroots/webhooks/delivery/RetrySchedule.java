package org.grassroots.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the next attempt is due: the Standard Webhooks schedule (immediately, then 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h after each failure) with ±{@value #JITTER_PERCENT}% jitter, so receivers that failed together are not
 * retried together; a {@code Retry-After} the receiver asked for defers it further (never sooner than the
 * schedule, and at most {@code retryAfterCap}).
 */
public final class RetrySchedule {

    /** The spec's delays before attempt 1, 2, ... 8 (the first is immediate). */
    public static final List<Duration> STANDARD = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    public static final String STANDARD_TEXT = "PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H";
    public static final int JITTER_PERCENT = 10;

    private final List<Duration> delays;
    private final Duration retryAfterCap;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, Duration retryAfterCap, RandomGenerator random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least the first attempt");
        }
        this.delays = List.copyOf(delays);
        this.retryAfterCap = retryAfterCap;
        this.random = random;
    }

    /** How many attempts the schedule makes in all. */
    public int attempts() {
        return delays.size();
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} scheduled attempts failed, or empty once the
     * schedule is spent.
     */
    public Optional<Duration> delayAfter(int attemptsMade, Duration retryAfter) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = jittered(delays.get(attemptsMade));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(retryAfterCap) > 0 ? retryAfterCap : retryAfter;
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }

    /** The delay moved by up to ±10% of itself, at random. */
    Duration jittered(Duration delay) {
        long nanos = delay.toNanos();
        long spread = nanos / 100 * JITTER_PERCENT;
        if (spread == 0) {
            return delay;
        }
        return Duration.ofNanos(nanos + random.nextLong(-spread, spread + 1));
    }
}
