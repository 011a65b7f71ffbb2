package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CandidacyRecordPage", description = "A ballot's candidacies, oldest first (one page: a ballot has few).")
public record CandidacyRecordPage(List<CandidacyRecord> items,
        @Schema(nullable = true, description = "Always null: the one page is the last") String nextCursor) {
}
