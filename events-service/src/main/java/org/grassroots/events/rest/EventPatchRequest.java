package org.grassroots.events.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.Visibility;
import org.grassroots.events.service.EventDetails;
import org.grassroots.kit.patch.JsonMergePatch;
import org.grassroots.kit.patch.MergePatches;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(name = "EventPatch", description = "JSON Merge Patch (RFC 7386) of an event: the fields given replace the "
        + "current ones (location as a whole); absent fields stay; null removes a field (description; the other "
        + "fields are what an event is, so removing one is a 400). status moves the event through its lifecycle "
        + "(draft -> published -> completed, or cancelled).")
public record EventPatchRequest(
        EventType type,
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String title,
        @Size(max = 5000) @Schema(nullable = true, description = "null removes the description") String description,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Size(max = 64) String timeZone,
        @Valid LocationBody location,
        @Size(max = 20) List<@NotNull UUID> organisers,
        Visibility visibility,
        EventStatus status) {

    /** The fields a client may patch. */
    static final Set<String> WRITABLE = Set.of("type", "title", "description", "startsAt", "endsAt", "timeZone",
            "location", "organisers", "visibility", "status");
    /** The fields a patch may remove with null; the others an event cannot be without. */
    private static final Set<String> REMOVABLE = Set.of("description");

    /** Reads a merge patch (the kit's one way); a removed description is read as a blank one, stored as none. */
    static EventPatchRequest read(JsonNode patch, MergePatches patches) {
        EventPatchRequest request = patches.read(patch, EventPatchRequest.class, WRITABLE, REMOVABLE);
        return JsonMergePatch.removes(patch, "description") ? request.withDescription("") : request;
    }

    private EventPatchRequest withDescription(String newDescription) {
        return new EventPatchRequest(type, title, newDescription, startsAt, endsAt, timeZone, location, organisers,
                visibility, status);
    }

    EventDetails details() {
        return new EventDetails(type, title == null ? null : title.trim(), description, startsAt, endsAt,
                timeZone, location == null ? null : location.details(), null, organisers, visibility, status);
    }
}
