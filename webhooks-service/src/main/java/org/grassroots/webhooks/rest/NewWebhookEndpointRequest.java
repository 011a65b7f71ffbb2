package org.grassroots.webhooks.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "NewWebhookEndpointRequest", description = "Where to deliver, and which event types.")
public record NewWebhookEndpointRequest(
        @NotBlank(message = "is required") @Size(max = 2000)
        @Schema(description = "An absolute https URL (http is accepted outside production)",
                example = "https://crm.example.org/hooks/grassroots") String url,
        @NotNull(message = "is required") @Size(min = 1, max = 50)
        @Schema(description = "CloudEvent types of the catalogue, or \"*\" for all",
                example = "[\"org.grassroots.member.joined.v1\"]") List<String> eventTypes,
        @Size(max = 500) @Schema(example = "Our CRM") String description) {
}
