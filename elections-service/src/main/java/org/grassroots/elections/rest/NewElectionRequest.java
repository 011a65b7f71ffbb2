package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewElectionRequest", description = "An election group, subtype group or organisation election. "
        + "The poll date and the level come from the id; the parent must exist already.")
public record NewElectionRequest(@NotNull(message = "is required") @Schema(example = "local.suffolk.2022-05-05")
                                 String electionId,
                                 @NotBlank(message = "is required") @Size(max = 200)
                                 @Schema(example = "Suffolk County Council local election") String name) {
}
