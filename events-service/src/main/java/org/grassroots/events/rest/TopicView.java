package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.FeedbackTopic;

@Schema(name = "FeedbackTopicView")
public record TopicView(String slug, String label) {
    static TopicView of(FeedbackTopic t) {
        return new TopicView(t.slug, t.label);
    }
}
