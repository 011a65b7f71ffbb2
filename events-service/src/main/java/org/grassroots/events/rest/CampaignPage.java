package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CampaignPage", description = "A page of campaigns; pass nextCursor as ?cursor=.")
public record CampaignPage(List<CampaignView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
