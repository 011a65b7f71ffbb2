package org.grassroots.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.Visibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "EventView", description = "An event. Times are instants in UTC; timeZone is where it happens. "
        + "The street address is absent for callers who may not see it; organisers only for those who manage it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(UUID id, EventType type, String title, String description, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, String timeZone, Location location, UUID branchId, UUID campaignId,
                        List<UUID> organisers, Visibility visibility, EventStatus status, OffsetDateTime updatedAt) {

    @Schema(name = "EventLocationView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String venue, String address, String town, String postcode, Double latitude,
                           Double longitude, AddressVisibility addressVisibility) {
    }

    /**
     * @param showAddress      the caller may see the street address
     * @param showOrganisers   the caller manages the event
     */
    static EventView of(Event e, boolean showAddress, boolean showOrganisers) {
        Location location = new Location(e.venue, showAddress ? e.address : null, e.town, e.postcode, e.latitude,
                e.longitude, e.addressVisibility);
        return new EventView(e.id, e.eventType, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, location,
                e.branchId, e.campaignId, showOrganisers ? List.copyOf(e.organisers) : null, e.visibility, e.status,
                e.updatedAt);
    }
}
