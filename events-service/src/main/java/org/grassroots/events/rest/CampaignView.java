package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Campaign;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "CampaignView")
public record CampaignView(UUID id, String name, @Schema(nullable = true) String description,
                           @Schema(nullable = true) LocalDate startsOn, @Schema(nullable = true) LocalDate endsOn) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.name, c.description, c.startsOn, c.endsOn);
    }
}
