package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.service.TimeslotService;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "TimeslotView", description = "A timeslot and how full it is.")
public record TimeslotView(UUID id, UUID eventId, @Schema(nullable = true) String label, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           int capacity, boolean waitlist, long accepted, long waitlisted, long available) {

    static TimeslotView of(TimeslotService.Occupancy o) {
        var t = o.timeslot();
        return new TimeslotView(t.id, t.eventId, t.label, t.startsAt, t.endsAt, t.capacity, t.waitlistEnabled,
                o.accepted(), o.waitlisted(), Math.max(0, t.capacity - o.accepted()));
    }
}
