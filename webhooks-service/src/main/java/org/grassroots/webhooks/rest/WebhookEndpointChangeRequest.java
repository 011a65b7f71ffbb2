package org.grassroots.webhooks.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

@Schema(name = "WebhookEndpointChangeRequest", description = "A JSON Merge Patch of an endpoint: what is given "
        + "changes; `description: null` removes the description.")
public record WebhookEndpointChangeRequest(
        @Size(max = 2000) @Schema(example = "https://crm.example.org/hooks/grassroots-v2") String url,
        @Size(min = 1, max = 50) @Schema(example = "[\"*\"]") List<String> eventTypes,
        @Size(max = 500) @Schema(nullable = true, example = "Our CRM (new instance)") String description,
        @Schema(description = "A disabled endpoint receives nothing", example = "true") Boolean disabled) {

    static final Set<String> WRITABLE = Set.of("url", "eventTypes", "description", "disabled");
    static final Set<String> REMOVABLE = Set.of("description");
}
