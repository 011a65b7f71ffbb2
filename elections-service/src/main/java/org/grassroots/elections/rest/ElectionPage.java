package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ElectionPage", description = "A page of elections; pass nextCursor as ?cursor= for the next one.")
public record ElectionPage(List<ElectionSummary> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
