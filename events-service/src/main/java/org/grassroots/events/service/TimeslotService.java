package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.domain.RsvpStatus;
import org.grassroots.events.domain.Timeslot;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;
import jakarta.inject.Inject;
import org.grassroots.kit.security.Caller;

/** An event's timeslots and how full they are. */
@ApplicationScoped
public class TimeslotService {

    @Inject
    Clock clock;

    /** A timeslot with its counts. */
    public record Occupancy(Timeslot timeslot, long accepted, long waitlisted) {
    }

    @Transactional
    public Timeslot add(UUID eventId, String label, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
                        Boolean waitlist, Caller caller) {
        Event event = Event.require(eventId);
        event.requireManagedBy(caller);
        if (event.status == EventStatus.cancelled || event.status == EventStatus.completed) {
            throw ProblemException.unprocessable("event-closed", "A " + event.status + " event takes no timeslots");
        }
        if (capacity < 0) {
            throw ProblemException.badRequest("capacity", "must be 0 or more");
        }
        EventService.checkTimes(startsAt, endsAt);
        if (startsAt.isBefore(event.startsAt) || endsAt.isAfter(event.endsAt)) {
            throw ProblemException.unprocessable("timeslot-outside-event", "A timeslot lies within its event ("
                    + event.startsAt + " to " + event.endsAt + ")");
        }
        Timeslot slot = new Timeslot();
        slot.id = TimeOrderedIds.next();
        slot.eventId = eventId;
        slot.label = label;
        slot.startsAt = EventService.utc(startsAt);
        slot.endsAt = EventService.utc(endsAt);
        slot.capacity = capacity;
        slot.waitlistEnabled = waitlist == null || waitlist;
        slot.createdAt = SuiteClock.timestamp(clock);
        slot.persist();
        return slot;
    }

    @Transactional
    public List<Occupancy> of(Event event) {
        List<Timeslot> slots = Timeslot.list("eventId = ?1 order by startsAt, id", event.id);
        return slots.stream().map(TimeslotService::occupancy).toList();
    }

    @Transactional
    public Occupancy occupancy(UUID eventId, UUID timeslotId) {
        return occupancy(Timeslot.require(eventId, timeslotId));
    }

    static Occupancy occupancy(Timeslot slot) {
        return new Occupancy(slot, Rsvp.count(slot.id, RsvpStatus.accepted), Rsvp.count(slot.id, RsvpStatus.waitlisted));
    }
}
