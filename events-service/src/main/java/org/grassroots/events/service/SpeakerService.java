package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.Speaker;
import org.grassroots.events.domain.Timeslot;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;
import jakarta.inject.Inject;
import org.grassroots.kit.security.Caller;

/** An event's programme of speakers. */
@ApplicationScoped
public class SpeakerService {

    @Inject
    Clock clock;

    @Transactional
    public Speaker add(UUID eventId, String name, String organisation, String role, String session, UUID timeslotId,
                       Caller caller) {
        Event.require(eventId).requireManagedBy(caller);
        if (timeslotId != null) {
            Timeslot.<Timeslot>findByIdOptional(timeslotId).filter(t -> t.eventId.equals(eventId))
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-timeslot",
                            "Timeslot " + timeslotId + " is not one of this event's"));
        }
        Speaker speaker = new Speaker();
        speaker.id = TimeOrderedIds.next();
        speaker.eventId = eventId;
        speaker.timeslotId = timeslotId;
        speaker.name = name.trim();
        speaker.organisation = organisation;
        speaker.role = role;
        speaker.session = session;
        speaker.createdAt = SuiteClock.timestamp(clock);
        speaker.persist();
        return speaker;
    }

    public List<Speaker> of(UUID eventId) {
        return Speaker.list("eventId = ?1 order by createdAt, id", eventId);
    }

    @Transactional
    public void remove(UUID eventId, UUID speakerId, Caller caller) {
        Event.require(eventId).requireManagedBy(caller);
        if (Speaker.delete("id = ?1 and eventId = ?2", speakerId, eventId) == 0) {
            throw ProblemException.notFound("Speaker " + speakerId);
        }
    }
}
