package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "RsvpPage", description = "A page of RSVPs in waitlist order; pass nextCursor as ?cursor=.")
public record RsvpPage(List<RsvpView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
