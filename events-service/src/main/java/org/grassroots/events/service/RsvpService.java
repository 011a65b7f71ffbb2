package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.MemberProjection;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.domain.RsvpStatus;
import org.grassroots.events.domain.Timeslot;
import org.grassroots.events.domain.Visibility;
import org.grassroots.events.messaging.EventPublisher;
import org.grassroots.kit.erasure.ErasureDigests;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/**
 * RSVPs, cancellations and check-in. Each use case locks the timeslot's row first, so concurrent requests for one
 * timeslot take turns: the capacity check and the insert are one step, and a cancellation's promotion of the
 * longest-waiting RSVP cannot race a new RSVP.
 */
@ApplicationScoped
public class RsvpService {

    @Inject
    ErasureDigests erasureDigests;

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    /**
     * An RSVP. Before the timeslot starts anyone who may see the event RSVPs (within the capacity accepted, beyond it
     * waitlisted); once it has started only the event's organisers record one, from their sign-up sheet.
     */
    @Transactional
    public Rsvp rsvp(UUID eventId, UUID timeslotId, RsvpRequestDetails request, Caller caller) {
        Timeslot slot = Timeslot.lockOf(eventId, timeslotId);
        Event event = Event.require(eventId);
        if (!EventService.mayView(event, caller)) {
            throw ProblemException.notFound("Event " + eventId);
        }
        if (event.status == EventStatus.cancelled) {
            throw ProblemException.unprocessable("event-cancelled", "The event is cancelled");
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        boolean started = !slot.startsAt.isAfter(now);
        if (started && !event.isManagedBy(caller)) {
            throw ProblemException.unprocessable("event-past", "The timeslot has started or is over: RSVPs are taken "
                    + "before it starts; its organisers record who came");
        }
        boolean open = event.status == EventStatus.published || (started && event.status == EventStatus.completed);
        if (!open) {
            throw ProblemException.unprocessable("event-not-open", "The event is " + event.status + ", not open for RSVPs");
        }
        Rsvp rsvp = newRsvp(event, slot, memberFor(request, caller, event), request, now);
        long accepted = Rsvp.count(timeslotId, RsvpStatus.accepted);
        if (accepted < slot.capacity) {
            rsvp.status = RsvpStatus.accepted;
        } else if (slot.waitlistEnabled) {
            rsvp.status = RsvpStatus.waitlisted;
        } else {
            throw ProblemException.conflict("timeslot-full", "The timeslot is full and has no waitlist");
        }
        if (rsvp.memberId == null) {
            rsvp.issueCancellationToken();
        }
        rsvp.persist();
        return rsvp;
    }

    /**
     * A walk-in: someone the event's organisers saw attend a timeslot that has started (or is over) without an RSVP,
     * a member by id or a member of the public with their name, email and consent. Attended at once; the capacity
     * does not apply (they came). Publishes {@code attendance-recorded} as a check-in does.
     */
    @Transactional
    public Rsvp walkIn(UUID eventId, UUID timeslotId, RsvpRequestDetails request, Caller caller) {
        Timeslot slot = Timeslot.lockOf(eventId, timeslotId);
        Event event = Event.require(eventId);
        event.requireManagedBy(caller);
        if (event.status != EventStatus.published && event.status != EventStatus.completed) {
            throw ProblemException.unprocessable("event-not-open", "Walk-ins are recorded at published or completed "
                    + "events; this one is " + event.status);
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        if (slot.startsAt.isAfter(now)) {
            throw ProblemException.unprocessable("timeslot-not-started", "The timeslot starts at " + slot.startsAt
                    + ": until then, RSVP them and check them in when they come");
        }
        if (request.memberId() == null && request.email() == null && request.givenName() == null) {
            throw ProblemException.badRequest("memberId", "name the member, or give the name, email and consent of a "
                    + "member of the public");
        }
        Rsvp walkIn = newRsvp(event, slot, request.memberId(), request, now);
        walkIn.status = RsvpStatus.accepted;
        walkIn.walkIn = true;
        walkIn.attended = true;
        walkIn.checkedInAt = now;
        walkIn.persist();
        publisher.attendanceRecorded(walkIn);
        return walkIn;
    }

    /** A new RSVP of the member or the member of the public, refused if they have a live one for the timeslot. */
    private static Rsvp newRsvp(Event event, Timeslot slot, UUID memberId, RsvpRequestDetails request,
                                OffsetDateTime now) {
        Rsvp rsvp = new Rsvp();
        rsvp.id = TimeOrderedIds.next();
        rsvp.eventId = event.id;
        rsvp.timeslotId = slot.id;
        if (memberId != null) {
            MemberProjection member = MemberProjection.<MemberProjection>findByIdOptional(memberId).orElseThrow(() ->
                    ProblemException.unprocessable("unknown-member", "Member " + memberId + " is not known here"));
            if (!"active".equals(member.status)) {
                throw ProblemException.unprocessable("member-not-active", "The membership is " + member.status);
            }
            if (Rsvp.count("timeslotId = ?1 and memberId = ?2 and status <> ?3", slot.id, memberId,
                    RsvpStatus.cancelled) > 0) {
                throw ProblemException.conflict("already-registered", "This member has an RSVP for the timeslot: "
                        + "check it in instead");
            }
            rsvp.memberId = memberId;
        } else {
            if (event.visibility == Visibility.members) {
                throw ProblemException.forbidden("Members-only events take members' RSVPs only");
            }
            if (request.givenName() == null || request.givenName().isBlank()) {
                throw ProblemException.badRequest("givenName", "is required for an RSVP without a member id");
            }
            if (request.email() == null || request.email().isBlank()) {
                throw ProblemException.badRequest("email", "is required for an RSVP without a member id");
            }
            if (request.consent() == null) {
                throw ProblemException.badRequest("consent", "must say whether we may contact them (true or false)");
            }
            String normalised = Rsvp.normaliseEmail(request.email());
            if (Rsvp.count("timeslotId = ?1 and emailNormalised = ?2 and status <> ?3", slot.id, normalised,
                    RsvpStatus.cancelled) > 0) {
                throw ProblemException.conflict("already-registered", "This email has an RSVP for the timeslot: "
                        + "check it in instead");
            }
            rsvp.givenName = request.givenName().trim();
            rsvp.familyName = request.familyName() == null || request.familyName().isBlank() ? null
                    : request.familyName().trim();
            rsvp.email = request.email().trim();
            rsvp.emailNormalised = normalised;
            rsvp.contactConsent = request.consent();
        }
        rsvp.createdAt = now;
        rsvp.updatedAt = now;
        return rsvp;
    }

    /** The member an RSVP is for: the one named (by themself or a manager), or the calling member by default. */
    private static UUID memberFor(RsvpRequestDetails request, Caller caller, Event event) {
        if (request.memberId() != null) {
            if (!request.memberId().equals(caller.memberId()) && !event.isManagedBy(caller)) {
                throw ProblemException.forbidden("Members RSVP for themselves; organisers for members of their events");
            }
            return request.memberId();
        }
        boolean publicDetails = request.email() != null || request.givenName() != null;
        if (!publicDetails && caller.roles().contains(Roles.MEMBER) && caller.memberId() != null) {
            return caller.memberId();
        }
        return null;
    }

    /** One RSVP and its event, as its person sees it: how a waitlisted person learns they have a place. */
    public record Held(Rsvp rsvp, Event event) {
    }

    /**
     * One RSVP for the person themself (the member, or a member of the public with the cancellation token given with
     * the RSVP), the event's organisers and admins.
     */
    @Transactional
    public Held held(UUID eventId, UUID rsvpId, String cancellationToken, Caller caller) {
        Rsvp rsvp = Rsvp.require(eventId, rsvpId);
        Event event = Event.require(eventId);
        if (!isTheirs(rsvp, cancellationToken, caller) && !event.isManagedBy(caller)) {
            throw ProblemException.forbidden("An RSVP is seen by the person themself (a member, or with the cancellation token "
                    + "given with the RSVP) and the event's organisers");
        }
        return new Held(rsvp, event);
    }

    /** The RSVP's own person: the member it is for, or a member of the public with its cancellation token. */
    private static boolean isTheirs(Rsvp rsvp, String cancellationToken, Caller caller) {
        return (rsvp.memberId != null && rsvp.memberId.equals(caller.memberId()))
                || rsvp.cancellableWith(cancellationToken);
    }

    /** The result of a cancellation: the cancelled RSVP and the one promoted from the waitlist, if any. */
    public record Cancellation(Rsvp cancelled, Optional<Rsvp> promoted) {
    }

    @Transactional
    public Cancellation cancel(UUID eventId, UUID rsvpId, String cancellationToken, Caller caller) {
        Rsvp unlocked = Rsvp.require(eventId, rsvpId);
        Timeslot.lockOf(eventId, unlocked.timeslotId);
        Rsvp rsvp = Rsvp.<Rsvp>findById(rsvpId);
        Rsvp.getEntityManager().refresh(rsvp); // its state as of holding the lock
        Event event = Event.require(eventId);
        if (!isTheirs(rsvp, cancellationToken, caller) && !event.isManagedBy(caller)) {
            throw ProblemException.forbidden("Only the person themself (a member, or with the cancellation token given with "
                    + "the RSVP) or the event's organisers cancel this RSVP");
        }
        return cancelLocked(rsvp);
    }

    /**
     * An erased person's contact details kept without their member id: the RSVPs they made as a member of the
     * public and the contact details they left with feedback, found by the keyed digest of the address that
     * {@code member.erased} carries ({@link ErasureDigests}: computed here under this service's secret, as the
     * database holds no digests). The RSVP and the feedback stay, anonymised, as they do for a member's. One scan
     * of the rows with an address per erasure: rare enough not to need an index.
     *
     * @return the ids of the RSVPs and feedback anonymised, whose remembered answers must go too
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> anonymiseContactsByEmailDigest(List<String> digests) {
        if (digests.isEmpty()) {
            return List.of();
        }
        var wanted = new java.util.HashSet<>(digests);
        var entityManager = Rsvp.getEntityManager();
        entityManager.flush();
        List<UUID> rsvpIds = matching(entityManager.createNativeQuery(
                "select id, email_normalised from rsvp where member_id is null and email_normalised is not null")
                .getResultList(), wanted);
        List<UUID> feedbackIds = matching(entityManager.createNativeQuery(
                "select id, contact_email from feedback where contact_email is not null").getResultList(), wanted);
        if (!rsvpIds.isEmpty()) {
            entityManager.createNativeQuery("""
                            update rsvp set given_name = null, family_name = null, email = null, email_normalised = null,
                                            contact_consent = false, anonymised = true, updated_at = ?2
                            where id = any(?1)""")
                    .setParameter(1, rsvpIds.toArray(UUID[]::new)).setParameter(2, SuiteClock.timestamp(clock))
                    .executeUpdate();
        }
        if (!feedbackIds.isEmpty()) {
            entityManager.createNativeQuery("""
                            update feedback set contact_name = null, contact_email = null, contact_phone = null,
                                                contact_consent = false
                            where id = any(?1)""")
                    .setParameter(1, feedbackIds.toArray(UUID[]::new)).executeUpdate();
        }
        entityManager.clear();
        List<UUID> anonymised = new java.util.ArrayList<>(rsvpIds);
        anonymised.addAll(feedbackIds);
        return anonymised;
    }

    private List<UUID> matching(List<?> rows, java.util.Set<String> digests) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            if (digests.contains(erasureDigests.of((String) columns[1]))) {
                ids.add((UUID) columns[0]);
            }
        }
        return ids;
    }

    /**
     * Cancels the RSVPs of {@code duplicate} for timeslots where {@code survivor} has a live RSVP too (after a
     * merge, one person has one place), each with the usual promotion from the waitlist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelDuplicates(UUID duplicate, UUID survivor) {
        List<Rsvp> clashes = Rsvp.list("""
                memberId = ?1 and status <> ?3 and timeslotId in (
                    select s.timeslotId from Rsvp s where s.memberId = ?2 and s.status <> ?3)""",
                duplicate, survivor, RsvpStatus.cancelled);
        for (Rsvp clash : clashes) {
            Timeslot.lockOf(clash.eventId, clash.timeslotId);
            Rsvp.getEntityManager().refresh(clash);
            cancelLocked(clash);
            clash.memberId = null;
            clash.anonymised = true;
        }
    }

    /** Cancels an RSVP whose timeslot the caller has locked; an accepted place goes to the longest-waiting. */
    private Cancellation cancelLocked(Rsvp rsvp) {
        if (rsvp.status == RsvpStatus.cancelled) {
            return new Cancellation(rsvp, Optional.empty()); // cancelling twice changes nothing
        }
        RsvpStatus was = rsvp.status;
        OffsetDateTime now = SuiteClock.timestamp(clock);
        rsvp.status = RsvpStatus.cancelled;
        rsvp.updatedAt = now;
        Optional<Rsvp> promoted = Optional.empty();
        if (was == RsvpStatus.accepted) {
            Rsvp.getEntityManager().flush();
            Timeslot slot = Timeslot.findById(rsvp.timeslotId);
            if (Rsvp.count(slot.id, RsvpStatus.accepted) < slot.capacity) {
                promoted = Rsvp.firstWaitlisted(slot.id);
                promoted.ifPresent(p -> {
                    p.status = RsvpStatus.accepted;
                    p.updatedAt = now;
                });
            }
        }
        return new Cancellation(rsvp, promoted);
    }

    @Transactional
    public Rsvp checkIn(UUID eventId, UUID rsvpId, Caller caller) {
        Rsvp rsvp = Rsvp.require(eventId, rsvpId);
        Event event = Event.require(eventId);
        event.requireManagedBy(caller);
        if (event.status == EventStatus.cancelled || event.status == EventStatus.draft) {
            throw ProblemException.unprocessable("event-not-open", "The event is " + event.status);
        }
        if (rsvp.status != RsvpStatus.accepted) {
            throw ProblemException.unprocessable("not-accepted", "Only accepted RSVPs check in; this one is "
                    + rsvp.status);
        }
        if (!rsvp.attended) {
            rsvp.attended = true;
            rsvp.checkedInAt = SuiteClock.timestamp(clock);
            rsvp.updatedAt = rsvp.checkedInAt;
            publisher.attendanceRecorded(rsvp);
        }
        return rsvp;
    }

    /** The event's RSVPs in waitlist order: all of them for those who manage it, a member's own otherwise. */
    @Transactional
    public Page<Rsvp> list(UUID eventId, UUID timeslotId, PageRequest page, Caller caller) {
        Event event = Event.require(eventId);
        if (!EventService.mayView(event, caller)) {
            throw ProblemException.notFound("Event " + eventId);
        }
        StringBuilder query = new StringBuilder("eventId = :event");
        var params = new java.util.HashMap<String, Object>();
        params.put("event", eventId);
        if (!event.isManagedBy(caller)) {
            if (caller.memberId() == null) {
                throw ProblemException.forbidden("Sign in to see your RSVPs");
            }
            query.append(" and memberId = :member");
            params.put("member", caller.memberId());
        }
        if (timeslotId != null) {
            query.append(" and timeslotId = :slot");
            params.put("slot", timeslotId);
        }
        if (page.after() != null) {
            query.append(" and seq > :seq");
            try {
                params.put("seq", Long.parseLong(page.after().value(0)));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API issued");
            }
        }
        List<Rsvp> rows = Rsvp.find(query + " order by seq", params).page(0, page.fetchSize()).list();
        return page.page(rows, r -> Cursor.of(r.seq));
    }

    /** Whether the caller (a member) has a live RSVP for the event: attendees may see an attendees-only address. */
    @Transactional
    public boolean isAttendee(Event event, Caller caller) {
        UUID member = caller.memberId();
        return member != null && Rsvp.count("eventId = ?1 and memberId = ?2 and status <> ?3", event.id, member,
                RsvpStatus.cancelled) > 0;
    }
}
