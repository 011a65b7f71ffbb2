package org.grassroots.events.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewFeedbackQuestion")
public record NewQuestionRequest(
        @NotBlank @Size(max = 500) @Schema(example = "What would you like to see changed in politics and society?",
                maxLength = 500) String text) {
}
