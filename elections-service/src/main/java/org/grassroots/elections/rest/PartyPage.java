package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PartyPage", description = "A page of parties, by name.")
public record PartyPage(List<PartyView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
