package org.grassroots.events.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.service.EventDetails;
import org.grassroots.events.service.EventSearch;

@Schema(name = "EventLocation", description = "Where an event happens. The street address is left out for the public "
        + "when addressVisibility is attendees.")
public record LocationBody(
        @Size(max = 200) @Schema(example = "Drake Circus, outside the library", maxLength = 200) String venue,
        @Size(max = 500) @Schema(example = "1 Tavistock Place", maxLength = 500) String address,
        @NotBlank @Size(max = 100) @Schema(example = "Plymouth", maxLength = 100) String town,
        @Size(max = 10) @Pattern(regexp = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$",
                message = "must be a UK postcode") @Schema(example = "PL4 8AA") String postcode,
        @DecimalMin("-90") @DecimalMax("90") @Schema(example = "50.3755") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(example = "-4.1427") Double longitude,
        @Schema(description = "public (default) or attendees") AddressVisibility addressVisibility) {

    EventDetails.Location details() {
        return new EventDetails.Location(blankToNull(venue), blankToNull(address), town.trim(),
                postcode == null || postcode.isBlank() ? null : EventSearch.canonical(postcode),
                latitude, longitude, addressVisibility == null ? AddressVisibility.public_ : addressVisibility);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
