package org.grassroots.webhooks.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What one delivery attempt came to. {@code statusCode} is null when no answer came (refused connection, timeout);
 * {@code response} holds at most the first {@value WebhookSender#EXCERPT_BYTES} bytes of the answer's body;
 * {@code retryAfter} is how long the receiver asked us to wait ({@code Retry-After}), or null; {@code failure} is
 * what kind of failure it was (null for a success), as the metrics count it.
 */
public record Attempt(String messageId, OffsetDateTime attemptedAt, boolean succeeded, Integer statusCode,
                      long durationMillis, String response, String error, Duration retryAfter, Failure failure) {

    /** Why an attempt failed, in a few kinds (a metric's tag: bounded, and nothing about the endpoint). */
    public enum Failure {
        /** An answer other than 2xx or 3xx. */
        STATUS,
        /** A 3xx: never followed. */
        REDIRECT,
        /** No answer within the timeout. */
        TIMEOUT,
        /** No connection (refused, reset, unknown host, TLS). */
        UNREACHABLE,
        /** Not attempted: the target's address is not allowed. */
        REFUSED,
        /** The sending thread was interrupted (shutdown). */
        INTERRUPTED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Attempt {
        if (succeeded != (failure == null)) {
            throw new IllegalArgumentException("a failed attempt names its failure, a success none");
        }
    }

    /** An attempt that ended without an answer. */
    public static Attempt failed(String messageId, OffsetDateTime attemptedAt, long durationMillis, Failure failure,
                                 String error) {
        return new Attempt(messageId, attemptedAt, false, null, durationMillis, null, error, null, failure);
    }

    /** The receiver said the endpoint is gone for good: no more deliveries. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
