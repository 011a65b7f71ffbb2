package org.grassroots.webhooks.delivery;

import java.time.OffsetDateTime;

/**
 * What one delivery attempt came to. {@code statusCode} is null when no answer came (refused connection, timeout);
 * {@code response} holds at most the first {@value WebhookSender#EXCERPT_BYTES} bytes of the answer's body.
 */
public record Attempt(String messageId, OffsetDateTime attemptedAt, boolean succeeded, Integer statusCode,
                      long durationMillis, String response, String error) {
}
