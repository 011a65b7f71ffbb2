package org.grassroots.events.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.Visibility;
import org.grassroots.events.service.EventDetails;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "NewEvent", description = "An event to create; a draft unless status is published.")
public record NewEventRequest(
        @NotNull EventType type,
        @NotBlank @Size(max = 200) @Schema(example = "Weekend of Action: street stall", maxLength = 200) String title,
        @Size(max = 5000) @Schema(maxLength = 5000) String description,
        @NotNull @Schema(example = "2026-11-26T10:00:00Z") OffsetDateTime startsAt,
        @NotNull @Schema(example = "2026-11-26T16:00:00Z") OffsetDateTime endsAt,
        @Size(max = 64) @Schema(description = "IANA time zone of the event (default Europe/London)",
                example = "Europe/London") String timeZone,
        @NotNull @Valid LocationBody location,
        @Schema(description = "The host branch; an organiser's own branch by default, required for admins")
        UUID branchId,
        @Size(max = 20) @Schema(description = "Member ids of the people organising it") List<@NotNull UUID> organisers,
        @Schema(description = "public (default) or members") Visibility visibility,
        @Schema(description = "draft (default) or published") EventStatus status) {

    EventDetails details() {
        return new EventDetails(type, title.trim(), LocationBody.blankToNull(description), startsAt, endsAt,
                timeZone == null || timeZone.isBlank() ? "Europe/London" : timeZone.trim(), location.details(),
                branchId, organisers == null ? List.of() : organisers,
                visibility == null ? Visibility.public_ : visibility, status == null ? EventStatus.draft : status);
    }
}
