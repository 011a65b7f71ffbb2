package org.grassroots.events.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewCampaign", description = "A campaign: many events under one banner.")
public record NewCampaignRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Weekend of Action", maxLength = 200) String name,
        @Size(max = 5000) String description,
        @Schema(example = "2026-11-26") LocalDate startsOn,
        @Schema(example = "2026-11-27") LocalDate endsOn) {
}
