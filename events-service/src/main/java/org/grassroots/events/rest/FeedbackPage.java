package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "FeedbackPage")
public record FeedbackPage(List<FeedbackView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
