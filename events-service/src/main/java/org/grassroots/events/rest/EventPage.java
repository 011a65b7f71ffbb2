package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "EventPage", description = "A page of events; pass nextCursor as ?cursor= for the next one.")
public record EventPage(List<EventSummary> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
