package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "EventSummary", description = "A published event, as listed on the party's website (no street "
        + "address, no personal data).")
public record EventSummary(UUID id, String title, EventType type, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           String timeZone, String venue, String town, String postcode, Double latitude,
                           Double longitude, UUID campaignId) {

    static EventSummary of(Event event) {
        return new EventSummary(event.id, event.title, event.eventType, event.startsAt, event.endsAt, event.timeZone,
                event.venue, event.town, event.postcode, event.latitude, event.longitude, event.campaignId);
    }
}
