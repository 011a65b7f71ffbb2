package org.grassroots.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.domain.RsvpStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "RsvpView", description = "An RSVP (attendance): status accepted, waitlisted or cancelled, "
        + "whether they attended, and whether they walked in without an RSVP. Seen by the person and the event's organisers only.")
public record RsvpView(UUID id, UUID eventId, UUID timeslotId, @Schema(nullable = true, description = "Null for a member of the public") UUID memberId,
                       @Schema(nullable = true) String givenName, @Schema(nullable = true) String familyName,
                       @Schema(nullable = true) String email, boolean consent, RsvpStatus status, boolean attended,
                       @Schema(description = "Recorded by an organiser as attending without a prior RSVP")
                       boolean walkIn, @Schema(nullable = true) OffsetDateTime checkedInAt, OffsetDateTime createdAt,
                       @Schema(nullable = true, description = "Only in the answer to a public RSVP, once: send it as the "
                               + "Cancellation-Token header to cancel; null otherwise") String cancellationToken,
                       @Schema(nullable = true, description = "In the answer to an RSVP that is accepted: the event's "
                               + "whole location, an attendees-only address included; null otherwise")
                       EventView.Location location) {

    static RsvpView of(Rsvp r) {
        return new RsvpView(r.id, r.eventId, r.timeslotId, r.memberId, r.givenName, r.familyName, r.email,
                r.contactConsent, r.status, r.attended, r.walkIn, r.checkedInAt, r.createdAt, r.cancellationToken,
                null);
    }

    /** The answer to a new RSVP: an accepted one learns where to go. */
    static RsvpView answering(Rsvp r, Event event) {
        return new RsvpView(r.id, r.eventId, r.timeslotId, r.memberId, r.givenName, r.familyName, r.email,
                r.contactConsent, r.status, r.attended, r.walkIn, r.checkedInAt, r.createdAt, r.cancellationToken,
                r.status == RsvpStatus.accepted ? EventView.Location.full(event) : null);
    }
}
