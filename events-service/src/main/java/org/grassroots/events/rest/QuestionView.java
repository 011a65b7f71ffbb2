package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.FeedbackQuestion;

import java.util.UUID;

@Schema(name = "FeedbackQuestionView")
public record QuestionView(UUID id, UUID eventId, String text) {
    static QuestionView of(FeedbackQuestion q) {
        return new QuestionView(q.id, q.eventId, q.text);
    }
}
