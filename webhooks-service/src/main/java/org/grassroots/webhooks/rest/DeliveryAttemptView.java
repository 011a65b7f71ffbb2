package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.webhooks.delivery.Attempt;

import java.time.OffsetDateTime;

@Schema(name = "DeliveryAttemptView", description = "One delivery attempt: a 2xx within 15 s is a success.")
public record DeliveryAttemptView(
        @Schema(description = "The webhook-id header sent", example = "msg_01939f3a-8c5e-7b8a-9d2e-6f1c2b3a4d5e")
        String messageId,
        OffsetDateTime attemptedAt,
        @Schema(example = "succeeded", enumeration = {"succeeded", "failed"}) String outcome,
        @Schema(nullable = true, description = "Null when no answer came", example = "200") Integer statusCode,
        @Schema(example = "42") long durationMillis,
        @Schema(nullable = true, description = "The first 1 KB of the answer's body", example = "ok") String response,
        @Schema(nullable = true, description = "Why it failed, when no status says it",
                example = "no answer within 15 s") String error) {

    static DeliveryAttemptView of(Attempt a) {
        return new DeliveryAttemptView(a.messageId(), a.attemptedAt(), a.succeeded() ? "succeeded" : "failed",
                a.statusCode(), a.durationMillis(), a.response(), a.error());
    }
}
