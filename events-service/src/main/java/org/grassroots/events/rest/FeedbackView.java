package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "FeedbackView", description = "A response; contact details only where they consented. Seen by "
        + "the event's organisers and admins.")
public record FeedbackView(UUID id, UUID eventId, @Schema(nullable = true) UUID timeslotId,
                           UUID questionId, String answer,
                           List<String> topics, boolean contactConsent, @Schema(nullable = true) String contactName,
                           @Schema(nullable = true) String contactEmail, @Schema(nullable = true) String contactPhone, OffsetDateTime recordedAt) {
    static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.eventId, f.timeslotId, f.questionId, f.answer, List.copyOf(f.topics),
                f.contactConsent, f.contactName, f.contactEmail, f.contactPhone, f.recordedAt);
    }
}
