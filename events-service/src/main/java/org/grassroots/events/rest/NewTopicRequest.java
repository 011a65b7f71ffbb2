package org.grassroots.events.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewFeedbackTopic")
public record NewTopicRequest(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$", message = "must be lower-case letters, digits and "
                + "hyphens, at most 50") @Schema(example = "public-ownership") String slug,
        @NotBlank @Size(max = 100) @Schema(example = "Public ownership", maxLength = 100) String label) {
}
