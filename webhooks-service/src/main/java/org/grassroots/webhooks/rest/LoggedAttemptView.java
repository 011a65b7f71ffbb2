package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.webhooks.service.DeliveryLogService;

import java.time.OffsetDateTime;

@Schema(name = "LoggedAttemptView", description = "One attempt at delivering a message, as the attempts log keeps it.")
public record LoggedAttemptView(
        @Schema(description = "The webhook-id sent, the same on every attempt of the message",
                example = "msg_01939f3a-8c5e-7b8a-9d2e-6f1c2b3a4d5e") String messageId,
        @Schema(example = "org.grassroots.member.joined.v1") String eventType,
        @Schema(description = "1 for the first attempt of the message", example = "1") int attemptNumber,
        @Schema(example = "failed", enumeration = {"succeeded", "failed"}) String outcome,
        @Schema(nullable = true, description = "Null when no answer came", example = "500") Integer statusCode,
        @Schema(example = "42") long durationMillis,
        @Schema(nullable = true, description = "The first 1 KB of the answer's body", example = "ok") String response,
        @Schema(nullable = true, description = "Why it failed, when no status says it",
                example = "no answer within 15 s") String error,
        OffsetDateTime attemptedAt) {

    static LoggedAttemptView of(DeliveryLogService.LoggedAttempt logged) {
        var a = logged.attempt();
        return new LoggedAttemptView(logged.message().webhookId(), logged.message().eventType, a.attemptNumber,
                a.outcome, a.statusCode, a.durationMillis, a.response, a.error, a.attemptedAt);
    }
}
