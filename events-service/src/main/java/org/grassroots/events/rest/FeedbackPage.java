package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "FeedbackPage")
public record FeedbackPage(List<FeedbackView> items, String nextCursor) {
}
