package org.grassroots.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.grassroots.events.domain.MemberProjection;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.service.RsvpService;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.erasure.ErasureDigests;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.idempotency.IdempotencyRecords;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;
import org.grassroots.kit.inbox.EventRuns;
import org.grassroots.kit.inbox.NewRows;
import org.hibernate.Session;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Keeps {@link MemberProjection} from the member lifecycle topic. An erasure also strips the member from their
 * RSVPs (the counts stay, the link to the person goes), and an erasure of a member or of someone who never was one
 * ({@code person.erased}) anonymises the public RSVPs and feedback contacts kept under their addresses; a merge
 * moves the duplicate's RSVPs to the survivor.
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {

    @Inject
    Clock clock;

    @Inject
    RsvpService rsvps;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyRecords idempotency;

    /** A member's status as a joined or status-changed event states it. */
    private record Standing(String status, OffsetDateTime at, boolean joined) {
    }

    @Override
    public String name() {
        return "member-projection";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MEMBERS);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (EventTypes.MEMBER_ERASED.equals(event.type())) {
            UUID memberId = memberId(event);
            MemberProjection.deleteById(memberId);
            List<UUID> forget = new ArrayList<>(Rsvp.<Rsvp>list("memberId", memberId).stream().map(r -> r.id).toList());
            forget.add(memberId);
            Rsvp.update("memberId = null, givenName = null, familyName = null, email = null, emailNormalised = null, "
                    + "anonymised = true where memberId = ?1", memberId);
            forget.addAll(rsvps.anonymiseContactsByEmailDigest(emailDigests(event)));
            // Answers remembered for retries (an RSVP with its contact details) go with the person.
            idempotency.forget(forget);
            return;
        }
        if (EventTypes.PERSON_ERASED.equals(event.type())) {
            // Someone who was never a member: only the copies kept under their address exist.
            idempotency.forget(rsvps.anonymiseContactsByEmailDigest(emailDigests(event)));
            return;
        }
        if (EventTypes.MEMBER_MERGED.equals(event.type())) {
            // The survivor has its own record; the merged id is gone.
            UUID merged = event.uuid("mergedMemberId");
            UUID survivor = memberId(event);
            MemberProjection.deleteById(merged);
            // Where both had a live RSVP for the same timeslot, the duplicate's is cancelled instead of moved.
            rsvps.cancelDuplicates(merged, survivor);
            Rsvp.getEntityManager().flush();
            Rsvp.update("memberId = ?1 where memberId = ?2", survivor, merged);
            return;
        }
        Standing standing = standing(event);
        if (standing == null) {
            return; // types this service does not need
        }
        UUID memberId = memberId(event);
        MemberProjection member = MemberProjection.<MemberProjection>findByIdOptional(memberId).orElseGet(() -> {
            MemberProjection created = new MemberProjection();
            created.memberId = memberId;
            return created;
        });
        member.status = standing.status();
        member.updatedAt = standing.at();
        member.persist();
    }

    /**
     * A burst (an import's thousands of joined events) is applied with one upsert per run of joined and
     * status-changed events, the last event per member winning as it would one by one; an erasure or a merge ends
     * the run and is applied on its own, in order.
     */
    @Override
    public void handleAll(List<IncomingEvent> events) {
        EventRuns.apply(events, this::standing, MemberEventsHandler::memberId,
                event -> EventTypes.MEMBER_ERASED.equals(event.type()) || EventTypes.PERSON_ERASED.equals(event.type())
                        || EventTypes.MEMBER_MERGED.equals(event.type()),
                this::upsert, this::handle);
    }

    private void upsert(Map<UUID, Standing> run) {
        String[] ids = new String[run.size()];
        String[] statuses = new String[run.size()];
        String[] times = new String[run.size()];
        int i = 0;
        for (var entry : run.entrySet()) {
            ids[i] = entry.getKey().toString();
            statuses[i] = entry.getValue().status();
            times[i++] = entry.getValue().at().toString();
        }
        // JDBC below Hibernate: write its pending changes first, and forget what it holds afterwards (stale now).
        entityManager.flush();
        // A run of joined events is nearly always of new members: a plain insert first, the upsert only if needed.
        // A status change is of a known member: the upsert at once.
        boolean likelyNew = run.values().stream().allMatch(Standing::joined);
        entityManager.unwrap(Session.class).doWork(connection -> NewRows.insertColumns(connection, likelyNew, """
                        insert into member_projection (member_id, status, updated_at)
                        select id::uuid, status, at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[]) as row (id, status, at)""",
                "on conflict (member_id) do update set status = excluded.status, updated_at = excluded.updated_at",
                ids, statuses, times));
        entityManager.clear();
    }

    /** The status a joined or status-changed event gives the member; null for other types. */
    private Standing standing(IncomingEvent event) {
        String status;
        if (EventTypes.MEMBER_JOINED.equals(event.type())) {
            status = event.data().path("status").asText();
        } else if (EventTypes.MEMBER_STATUS_CHANGED.equals(event.type())) {
            status = event.data().path("toStatus").asText();
        } else {
            return null;
        }
        return new Standing(status, event.time() == null ? SuiteClock.timestamp(clock) : event.time(),
                EventTypes.MEMBER_JOINED.equals(event.type()));
    }

    /** The erased person's address digests; none in events published before they were added. */
    private static List<String> emailDigests(IncomingEvent event) {
        List<String> digests = new ArrayList<>();
        for (var digest : event.data().path("emailDigests")) {
            if (!digest.isTextual() || !ErasureDigests.looksLikeDigest(digest.asText())) {
                throw new PoisonEventException("member.erased with an email digest that is not HMAC-SHA256 in hex");
            }
            digests.add(digest.asText());
        }
        return digests;
    }

    private static UUID memberId(IncomingEvent event) {
        return event.uuid("memberId");
    }
}
