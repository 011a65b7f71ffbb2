package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "NewCandidateRequest", description = "Another party's candidate (or an independent) on a ballot.")
public record NewCandidateRequest(@NotBlank(message = "is required") @Size(max = 200)
                                  @Schema(example = "Jo Bloggs") String name,
                                  @Schema(description = "Omit for an independent") UUID partyId) {
}
