package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.PublicLocation;
import org.grassroots.events.domain.Visibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "EventView", description = "An event. Times are instants in UTC; timeZone is where it happens. "
        + "The street address is absent for callers who may not see it; organisers only for those who manage it.")
public record EventView(UUID id, EventType type, String title, @Schema(nullable = true) String description, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, String timeZone, Location location, @Schema(nullable = true) UUID branchId,
                        @Schema(nullable = true) UUID campaignId,
                        @Schema(nullable = true, description = "Only for those who manage the event") List<UUID> organisers, Visibility visibility, EventStatus status, OffsetDateTime updatedAt) {

    @Schema(name = "EventLocationView", description = "Where the event is. For an attendees-only address and a "
            + "caller who may not see it (not an organiser, no accepted RSVP): no venue and no street, the postcode "
            + "district only (PL4), and the point snapped to the centre of a ~1 km cell.")
    public record Location(@Schema(nullable = true, description = "Null for callers who may not see the address") String venue,
                           @Schema(nullable = true, description = "Null for callers who may not see it") String address,
                           String town,
                           @Schema(nullable = true, description = "The district only for callers who may not see the address") String postcode,
                           @Schema(nullable = true) Double latitude, @Schema(nullable = true) Double longitude,
                           AddressVisibility addressVisibility) {

        /** The whole location: for organisers, public addresses and accepted attendees. */
        static Location full(Event e) {
            return new Location(e.venue, e.address, e.town, e.postcode, e.latitude, e.longitude, e.addressVisibility);
        }

        /** What anyone may see of an attendees-only address (see {@link PublicLocation}). */
        static Location withheld(Event e) {
            return new Location(null, null, e.town, PublicLocation.district(e.postcode),
                    PublicLocation.latitude(e.latitude), PublicLocation.longitude(e.longitude), e.addressVisibility);
        }
    }

    /**
     * @param showAddress      the caller may see the street address
     * @param showOrganisers   the caller manages the event
     */
    static EventView of(Event e, boolean showAddress, boolean showOrganisers) {
        Location location = showAddress ? Location.full(e) : Location.withheld(e);
        return new EventView(e.id, e.eventType, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, location,
                e.branchId, e.campaignId, showOrganisers ? List.copyOf(e.organisers) : null, e.visibility, e.status,
                e.updatedAt);
    }
}
