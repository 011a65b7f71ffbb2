package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.service.EventCatalogueService;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "EventSummary", description = "A published event, as listed on the party's website (no street "
        + "address, no personal data). distanceKm is given when searching near a point.")
public record EventSummary(UUID id, String title, EventType type, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           String timeZone, @Schema(nullable = true) String venue, String town,
                           @Schema(nullable = true) String postcode, @Schema(nullable = true) Double latitude,
                           @Schema(nullable = true) Double longitude, @Schema(nullable = true) UUID campaignId,
                           @Schema(nullable = true, description = "Only when searching near a point") Double distanceKm) {

    static EventSummary of(EventCatalogueService.Listing l) {
        return new EventSummary(l.id(), l.title(), l.type(), l.startsAt(), l.endsAt(), l.timeZone(), l.venue(),
                l.town(), l.postcode(), l.latitude(), l.longitude(), l.campaignId(), l.distanceKm());
    }
}
