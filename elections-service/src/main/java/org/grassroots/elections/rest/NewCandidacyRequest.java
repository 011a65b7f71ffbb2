package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Candidacy;

import java.util.UUID;

@Schema(name = "NewCandidacyRequest", description = "A member of ours applying, or nominated, for a ballot.")
public record NewCandidacyRequest(
        @NotNull(message = "is required") @Schema(example = "local.bury-st-edmunds.st-olaves.2026-05-07") String ballotPaperId,
        @NotNull(message = "is required") UUID memberId,
        @NotBlank(message = "is required") @Size(max = 200)
        @Schema(description = "The name to appear on the ballot paper", example = "Alex Example") String name,
        @NotNull(message = "is required") @Schema(example = "applied") Candidacy.Route route) {
}
