package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "PartyChangeRequest", description = "A change of party: the current affiliation ends the day "
        + "before `date`, the next starts on `date`.")
public record PartyChangeRequest(@Schema(description = "The party joined; omit to sit as an independent") UUID partyId,
                                 @NotNull(message = "is required") @Schema(example = "2023-02-01") LocalDate date,
                                 @NotBlank(message = "is required") @Size(max = 500)
                                 @Schema(example = "Left the Liberal Democrats and joined us") String reason) {
}
