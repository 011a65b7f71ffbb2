package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Event;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "EventSummary", description = "A published public event, as listed on the party's website.")
public record EventSummary(UUID id, String title, String type, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           String town) {

    static EventSummary of(Event event) {
        return new EventSummary(event.id, event.title, event.eventType, event.startsAt, event.endsAt, event.town);
    }
}
