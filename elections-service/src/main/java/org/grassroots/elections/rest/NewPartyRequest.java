package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPartyRequest")
public record NewPartyRequest(
        @NotBlank(message = "is required") @Size(max = 200) @Schema(example = "Labour Party") String name,
        @Pattern(regexp = Slugs.EC_ID, message = Slugs.EC_ID_MESSAGE) @Schema(example = "PP53") String ecId) {
}
