package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.Visibility;
import org.grassroots.events.messaging.EventPublisher;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/**
 * Creating and managing events. Each use case is one transaction with the events it publishes; a refusal (a
 * {@link ProblemException}) is thrown before anything is written.
 */
@ApplicationScoped
public class EventService {

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    @Transactional
    public Event create(EventDetails details, Caller caller) {
        UUID branch = hostBranch(details.branchId(), caller);
        if (details.status() != EventStatus.draft && details.status() != EventStatus.published) {
            throw ProblemException.badRequest("status", "a new event is draft or published");
        }
        checkTimes(details.startsAt(), details.endsAt());
        checkZone(details.timeZone());
        OffsetDateTime now = SuiteClock.timestamp(clock);
        Event event = new Event();
        event.id = TimeOrderedIds.next();
        event.eventType = details.type();
        event.title = details.title();
        event.description = details.description();
        event.startsAt = utc(details.startsAt());
        event.endsAt = utc(details.endsAt());
        event.timeZone = details.timeZone();
        place(event, details.location());
        event.branchId = branch;
        event.organisers = new LinkedHashSet<>(details.organisers());
        event.visibility = details.visibility();
        event.status = details.status();
        event.createdAt = now;
        event.updatedAt = now;
        event.persist();
        if (event.isPublished()) {
            publisher.scheduled(event);
        }
        return event;
    }

    /**
     * Applies a merge patch.
     *
     * @param expectedVersion the If-Match version, or null to skip the check
     */
    @Transactional
    public Event update(UUID id, EventDetails patch, Long expectedVersion, Caller caller) {
        Event event = Event.require(id);
        event.requireManagedBy(caller);
        if (expectedVersion != null && expectedVersion != event.version) {
            throw ProblemException.preconditionFailed(
                    "The event was changed meanwhile (If-Match does not match its ETag); read it again");
        }
        EventStatus from = event.status;
        if (from == EventStatus.cancelled || from == EventStatus.completed) {
            throw ProblemException.unprocessable("event-closed", "A " + from + " event cannot be changed");
        }
        if (patch.status() != null) {
            from.checkChangeTo(patch.status());
        }
        OffsetDateTime startsAt = patch.startsAt() == null ? event.startsAt : utc(patch.startsAt());
        OffsetDateTime endsAt = patch.endsAt() == null ? event.endsAt : utc(patch.endsAt());
        checkTimes(startsAt, endsAt);
        if (patch.timeZone() != null) {
            checkZone(patch.timeZone());
            event.timeZone = patch.timeZone();
        }
        event.startsAt = startsAt;
        event.endsAt = endsAt;
        if (patch.type() != null) {
            event.eventType = patch.type();
        }
        if (patch.title() != null) {
            event.title = patch.title();
        }
        if (patch.description() != null) {
            event.description = patch.description().isBlank() ? null : patch.description();
        }
        if (patch.location() != null) {
            place(event, patch.location());
        }
        if (patch.organisers() != null) {
            event.organisers.clear();
            event.organisers.addAll(patch.organisers());
        }
        if (patch.visibility() != null) {
            event.visibility = patch.visibility();
        }
        if (patch.status() != null) {
            event.status = patch.status();
        }
        event.updatedAt = SuiteClock.timestamp(clock);
        event.persist();
        announce(event, from);
        return event;
    }

    /** Publishes what changed for the outside world: drafts are nobody's business but the organisers'. */
    void announce(Event event, EventStatus from) {
        if (event.status == EventStatus.cancelled) {
            publisher.cancelled(event);
        } else if (event.isPublished() && from == EventStatus.draft) {
            publisher.scheduled(event);
        } else if (event.status != EventStatus.draft) {
            publisher.updated(event);
        }
    }

    /**
     * The event as this caller may see it: drafts only to those who manage it, members-only events to signed-in
     * callers; anything else is a 404 (an unpublished event's existence is not disclosed).
     */
    public Event visible(UUID id, Caller caller) {
        Event event = Event.<Event>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Event " + id));
        if (!mayView(event, caller)) {
            throw ProblemException.notFound("Event " + id);
        }
        return event;
    }

    public static boolean mayView(Event event, Caller caller) {
        if (event.isManagedBy(caller)) {
            return true;
        }
        if (event.status == EventStatus.draft) {
            return false;
        }
        return event.visibility == Visibility.public_ || caller.isSignedIn();
    }

    private static UUID hostBranch(UUID requested, Caller caller) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.badRequest("branchId", "must name the host branch");
            }
            return requested;
        }
        if (caller.branchId() == null) {
            throw ProblemException.forbidden("Your token names no branch, so there is no branch you may host events for");
        }
        if (requested != null && !requested.equals(caller.branchId())) {
            throw ProblemException.forbidden("Organisers create events for their own branch only");
        }
        return caller.branchId();
    }

    private static void place(Event event, EventDetails.Location location) {
        if ((location.latitude() == null) != (location.longitude() == null)) {
            throw ProblemException.badRequest("location.longitude", "latitude and longitude come together");
        }
        event.venue = location.venue();
        event.address = location.address();
        event.town = location.town();
        event.postcode = location.postcode();
        event.latitude = location.latitude();
        event.longitude = location.longitude();
        event.addressVisibility = location.addressVisibility();
    }

    static void checkTimes(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
    }

    private static void checkZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone", "is not an IANA time zone id, e.g. Europe/London");
        }
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }


}
