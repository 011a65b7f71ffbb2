package org.grassroots.elections.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "ResultRequest", description = "A ballot's declared result: every standing candidate once.")
public record ResultRequest(@Min(value = 0, message = "must not be negative") @Schema(example = "4211") Integer electorate,
                            @NotNull(message = "is required") @Min(value = 0, message = "must not be negative")
                            @Schema(description = "Ballot papers counted", example = "1320") Integer turnout,
                            @NotNull(message = "is required") @Min(value = 0, message = "must not be negative")
                            @Schema(example = "12") Integer spoiltBallots,
                            @NotNull(message = "is required") @Size(max = 100)
                            List<@NotNull @Valid CountRequest> candidates) {

    @Schema(name = "ResultCountRequest")
    public record CountRequest(@NotNull(message = "is required") UUID candidacyId,
                               @NotNull(message = "is required") @Min(value = 0, message = "must not be negative")
                               @Schema(example = "812") Integer votes,
                               @NotNull(message = "is required") Boolean elected) {
    }
}
