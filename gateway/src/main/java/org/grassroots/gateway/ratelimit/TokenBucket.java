package org.grassroots.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} requests at once, refilled continuously at {@code capacity} per period. Each
 * request takes one token or is refused.
 */
final class TokenBucket {

    /** The outcome of one take: allowed or not, tokens left, seconds until full and until the next token. */
    record Take(boolean allowed, long remaining, long secondsUntilFull, long secondsUntilNext) {
    }

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updated;

    TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / periodNanos;
        this.tokens = capacity;
        this.updated = now;
    }

    synchronized Take take(long now) {
        tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
        updated = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = seconds((capacity - tokens) / tokensPerNano);
        long untilNext = tokens >= 1 ? 0 : Math.max(1, seconds((1 - tokens) / tokensPerNano));
        return new Take(allowed, (long) Math.floor(tokens), untilFull, untilNext);
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
