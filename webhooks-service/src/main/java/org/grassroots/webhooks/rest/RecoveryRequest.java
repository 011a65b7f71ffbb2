package org.grassroots.webhooks.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "RecoveryRequest", description = "Re-send every message whose last attempt failed at or after since.")
public record RecoveryRequest(
        @NotNull @Schema(required = true, example = "2026-12-07T09:00:00Z") OffsetDateTime since) {
}
