package org.grassroots.gateway.routing;

import java.time.Duration;

/**
 * One service's circuit breaker. Closed: requests pass, and {@code threshold} consecutive failures (unreachable,
 * timed out, or a 502/503/504 from the service) open it. Open: requests are refused at once for
 * {@code openFor}. Then half-open: one request is let through as a probe; its success closes the breaker, its
 * failure opens it again. So a service that comes back is used again without restarting the gateway.
 */
final class CircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    /** A probe that never reports back (it can't, with timeouts, but) must not keep the breaker shut. */
    private final long probeTimeoutNanos;
    private State state = State.CLOSED;
    private int failures;
    private long since;

    CircuitBreaker(int threshold, Duration openFor, Duration probeTimeout) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.probeTimeoutNanos = probeTimeout.toNanos();
    }

    /** @return whether a request may go to the service now */
    synchronized boolean allow(long now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> {
                if (now - since < openForNanos) {
                    yield false;
                }
                state = State.HALF_OPEN;
                since = now;
                yield true;
            }
            case HALF_OPEN -> {
                if (now - since < probeTimeoutNanos) {
                    yield false;
                }
                since = now; // the last probe went missing: send another
                yield true;
            }
        };
    }

    synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
    }

    synchronized void failed(long now) {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            since = now;
        }
    }

    /** Whole seconds until a probe will be let through (for Retry-After). */
    synchronized long secondsUntilProbe(long now) {
        long left = state == State.OPEN ? openForNanos - (now - since) : 0;
        return Math.max(1, (long) Math.ceil(left / 1_000_000_000d));
    }

    synchronized boolean open() {
        return state != State.CLOSED;
    }
}
