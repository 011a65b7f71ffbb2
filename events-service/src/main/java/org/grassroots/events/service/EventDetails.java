package org.grassroots.events.service;

import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.Visibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a client says about an event, checked for shape by the REST layer. On an update, a null field is left as
 * it is.
 */
public record EventDetails(EventType type, String title, String description, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, String timeZone, Location location, UUID branchId,
                           List<UUID> organisers, Visibility visibility, EventStatus status) {

    public record Location(String venue, String address, String town, String postcode, Double latitude,
                           Double longitude, AddressVisibility addressVisibility) {
    }
}
