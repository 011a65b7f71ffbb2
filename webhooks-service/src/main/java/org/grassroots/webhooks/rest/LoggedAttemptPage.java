package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "LoggedAttemptPage", description = "A page of an endpoint's delivery attempts, oldest first.")
public record LoggedAttemptPage(List<LoggedAttemptView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
