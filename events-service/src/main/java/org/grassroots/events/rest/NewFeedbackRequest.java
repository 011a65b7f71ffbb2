package org.grassroots.events.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.service.FeedbackDetails;

import java.util.List;
import java.util.UUID;

@Schema(name = "NewFeedback", description = "A response collected at the event.")
public record NewFeedbackRequest(
        @NotNull UUID questionId,
        @Schema(description = "The timeslot (session) it was collected in") UUID timeslotId,
        @NotBlank @Size(max = 2000) @Schema(example = "A £16 minimum wage and cheaper buses", maxLength = 2000)
        String answer,
        @NotEmpty @Size(max = 10) @Schema(description = "Slugs from /feedback-topics", example = "[\"minimum-wage\"]")
        List<@NotBlank @Size(max = 50) String> topics,
        @Valid @Schema(description = "Only if they agreed to be contacted") Contact contact) {

    @Schema(name = "NewFeedbackContact")
    public record Contact(@NotNull Boolean consent,
                          @Size(max = 100) String name,
                          @Email @Size(max = 254) String email,
                          @Size(max = 32) String phone) {

        /** Surrounding spaces (typed from a paper card) are not part of an address: trimmed before validation. */
        public Contact {
            email = email == null ? null : email.strip();
        }
    }

    FeedbackDetails details() {
        boolean consent = contact != null && Boolean.TRUE.equals(contact.consent());
        return new FeedbackDetails(questionId, timeslotId, answer, topics, consent,
                contact == null ? null : blank(contact.name()), contact == null ? null : blank(contact.email()),
                contact == null ? null : blank(contact.phone()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
