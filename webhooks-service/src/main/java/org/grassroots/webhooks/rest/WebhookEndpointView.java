package org.grassroots.webhooks.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.webhooks.domain.WebhookEndpoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "WebhookEndpointView", description = "A webhook endpoint (never its secret).")
public record WebhookEndpointView(UUID id,
                                  @Schema(example = "https://crm.example.org/hooks/grassroots") String url,
                                  @Schema(example = "[\"org.grassroots.member.joined.v1\"]") List<String> eventTypes,
                                  @Schema(nullable = true, example = "Our CRM") String description,
                                  boolean disabled,
                                  @Schema(description = "Who registered it: an API key (api-key:<id>) or a person")
                                  String owner,
                                  OffsetDateTime createdAt,
                                  OffsetDateTime updatedAt) {

    static WebhookEndpointView of(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id, e.url, List.of(e.eventTypes), e.description, e.disabled, e.owner,
                e.createdAt, e.updatedAt);
    }
}
