package org.grassroots.events.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "NewSpeaker")
public record NewSpeakerRequest(
        @NotBlank @Size(max = 200) @Schema(example = "A. Speaker", maxLength = 200) String name,
        @Size(max = 200) @Schema(example = "Bakers, Food and Allied Workers' Union", maxLength = 200) String organisation,
        @Size(max = 200) @Schema(example = "National President", maxLength = 200) String role,
        @Size(max = 200) @Schema(example = "Opening plenary: a £16 minimum wage", maxLength = 200) String session,
        @Schema(description = "The timeslot of the session, if it has one") UUID timeslotId) {
}
