package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OrganisationPage", description = "A page of organisations, by slug.")
public record OrganisationPage(List<OrganisationView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
