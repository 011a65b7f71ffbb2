package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.webhooks.service.EndpointService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "RegisteredWebhookEndpoint", description = "A new endpoint with its signing secret, shown only in "
        + "this answer: store it now.")
public record RegisteredWebhookEndpoint(UUID id, String url, List<String> eventTypes,
                                        @Schema(nullable = true) String description, boolean disabled, String owner,
                                        OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                        @Schema(description = "whsec_ + base64 of 32 random bytes",
                                                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static RegisteredWebhookEndpoint of(EndpointService.Registered r) {
        WebhookEndpointView v = WebhookEndpointView.of(r.endpoint());
        return new RegisteredWebhookEndpoint(v.id(), v.url(), v.eventTypes(), v.description(), v.disabled(),
                v.owner(), v.createdAt(), v.updatedAt(), r.secret());
    }
}
