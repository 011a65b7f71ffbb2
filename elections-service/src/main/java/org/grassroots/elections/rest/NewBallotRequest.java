package org.grassroots.elections.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "NewBallotRequest", description = "A ballot; its parent election (e.g. the organisation election) "
        + "must exist, and the post must match the id's organisation and division.")
public record NewBallotRequest(
        @NotNull(message = "is required") @Schema(example = "local.bury-st-edmunds.st-olaves.2022-05-05") String ballotPaperId,
        @Size(max = 200) @Schema(description = "Defaults to the post's name and the date") String name,
        @NotNull(message = "is required") UUID postId,
        @Min(value = 1, message = "must be at least 1")
        @Schema(description = "Defaults to the post's seats (1 for a by-election)", example = "2") Integer winnerCount) {
}
