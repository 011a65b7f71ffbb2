package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WebhookEndpointPage", description = "A page of webhook endpoints, oldest first.")
public record WebhookEndpointPage(List<WebhookEndpointView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
