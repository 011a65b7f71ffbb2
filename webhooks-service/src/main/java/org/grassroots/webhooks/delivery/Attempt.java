package org.grassroots.webhooks.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What one delivery attempt came to. {@code statusCode} is null when no answer came (refused connection, timeout);
 * {@code response} holds at most the first {@value WebhookSender#EXCERPT_BYTES} bytes of the answer's body;
 * {@code retryAfter} is how long the receiver asked us to wait ({@code Retry-After}), or null.
 */
public record Attempt(String messageId, OffsetDateTime attemptedAt, boolean succeeded, Integer statusCode,
                      long durationMillis, String response, String error, Duration retryAfter) {

    /** The receiver said the endpoint is gone for good: no more deliveries. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
