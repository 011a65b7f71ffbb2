package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.webhooks.service.DeliveryLogService;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "RecoveryView", description = "A recovery job: the failed messages it re-sends, and how far it is.")
public record RecoveryView(
        UUID id,
        UUID endpointId,
        OffsetDateTime since,
        OffsetDateTime createdAt,
        @Schema(example = "running", enumeration = {"running", "completed"},
                description = "completed once every message has been attempted again (whatever the outcome)")
        String state,
        @Schema(description = "Messages to re-send", example = "3") long total,
        @Schema(description = "Messages re-sent so far", example = "1") long resent) {

    static RecoveryView of(DeliveryLogService.RecoveryProgress progress) {
        var r = progress.recovery();
        return new RecoveryView(r.id, r.endpointId, r.since, r.createdAt,
                progress.completed() ? "completed" : "running", progress.total(), progress.resent());
    }
}
