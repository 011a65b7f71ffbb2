package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CandidatePage", description = "The candidates standing on a ballot, by name (one page).")
public record CandidatePage(List<CandidateView> items,
        @Schema(nullable = true, description = "Always null: the one page is the last") String nextCursor) {
}
