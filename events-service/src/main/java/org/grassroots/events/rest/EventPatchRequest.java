package org.grassroots.events.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.Visibility;
import org.grassroots.events.service.EventDetails;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "EventPatch", description = "JSON Merge Patch of an event: the fields given replace the current "
        + "ones (location as a whole); absent or null fields stay. status moves the event through its lifecycle "
        + "(draft -> published -> completed, or cancelled).")
public record EventPatchRequest(
        EventType type,
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String title,
        @Size(max = 5000) String description,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Size(max = 64) String timeZone,
        @Valid LocationBody location,
        @Size(max = 20) List<@NotNull UUID> organisers,
        Visibility visibility,
        EventStatus status) {

    EventDetails details() {
        return new EventDetails(type, title == null ? null : title.trim(), description, startsAt, endsAt,
                timeZone, location == null ? null : location.details(), null, organisers, visibility, status);
    }
}
