package org.grassroots.elections.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.domain.MemberStanding;
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;
import org.grassroots.kit.inbox.EventRuns;
import org.grassroots.kit.inbox.NewRows;
import org.hibernate.Session;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Keeps {@link MemberStanding} from the member lifecycle topic, and removes or re-points what elections-service
 * holds about a member when the member is erased or merged.
 */
@ApplicationScoped
public class MemberStandingHandler implements EventHandler {

    @Inject
    org.grassroots.kit.idempotency.IdempotencyRecords idempotency;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** What a joined event says. */
    private record Joined(UUID memberId, String status, OffsetDateTime joinedAt) {
    }

    @Override
    public String name() {
        return "member-standing";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MEMBERS);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (EventTypes.MEMBER_JOINED.equals(event.type())) {
            joined(event.data());
        } else if (EventTypes.MEMBER_STATUS_CHANGED.equals(event.type())) {
            statusChanged(event);
        } else if (EventTypes.MEMBER_ERASED.equals(event.type())) {
            UUID memberId = event.uuid("memberId");
            MemberStanding.deleteById(memberId);
            // Answers remembered for retries (a candidacy or office with the member's name) go first, found by
            // the member's id and by the ids of those records.
            java.util.List<UUID> forget = new java.util.ArrayList<>();
            forget.add(memberId);
            OfficeHolder.<OfficeHolder>list("memberId", memberId).forEach(o -> forget.add(o.id));
            Candidacy.<Candidacy>list("memberId", memberId).forEach(c -> forget.add(c.id));
            idempotency.forget(forget);
            // An office-holder who is one of our members is that member's personal data: name and link go.
            OfficeHolder.update("name = null, memberId = null, updatedAt = ?1 where memberId = ?2",
                    SuiteClock.timestamp(clock), memberId);
            Candidacy.update("name = null, memberId = null, updatedAt = ?1 where memberId = ?2",
                    SuiteClock.timestamp(clock), memberId);
        } else if (EventTypes.MEMBER_MERGED.equals(event.type())) {
            UUID merged = event.uuid("mergedMemberId");
            MemberStanding.deleteById(merged);
            UUID survivor = event.uuid("memberId");
            OfficeHolder.update("memberId = ?1 where memberId = ?2", survivor, merged);
            // Both records may be in selection for one ballot: the survivor's candidacy stays, the other goes
            // on under no member (its name stays until the survivor is erased, if ever).
            Candidacy.update("update Candidacy c set c.memberId = ?1 where c.memberId = ?2 and not exists ("
                    + "select 1 from Candidacy o where o.memberId = ?1 and o.ballot = c.ballot)", survivor, merged);
            Candidacy.update("memberId = null where memberId = ?1", merged);
        }
    }

    private void statusChanged(IncomingEvent event) {
        JsonNode data = event.data();
        UUID memberId = event.uuid("memberId");
        MemberStanding standing = MemberStanding.<MemberStanding>findByIdOptional(memberId)
                .orElseThrow(() -> new IllegalStateException("status change before join for " + memberId));
        standing.status = data.path("toStatus").asText();
        standing.updatedAt = SuiteClock.timestamp(clock);
        // Selection needs good standing: flag candidacies of a member who lapsed, clear the flag on rejoining.
        Candidacy.update("memberLapsed = ?1, updatedAt = ?2 where memberId = ?3", !standing.inGoodStanding(),
                standing.updatedAt, memberId);
    }

    private void joined(JsonNode data) {
        Joined joined = parseJoined(data);
        MemberStanding standing = MemberStanding.<MemberStanding>findByIdOptional(joined.memberId())
                .orElseGet(MemberStanding::new);
        standing.memberId = joined.memberId();
        standing.status = joined.status();
        standing.joinedAt = joined.joinedAt();
        standing.updatedAt = SuiteClock.timestamp(clock);
        standing.persist();
    }

    private static Joined parseJoined(JsonNode data) {
        try {
            return new Joined(UUID.fromString(data.path("memberId").asText()), data.path("status").asText(),
                    OffsetDateTime.parse(data.path("joinedAt").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("member.joined payload is not as documented", e);
        }
    }

    /**
     * A burst (an import's thousands of joined events) is applied with one upsert per run of joined events, the
     * last per member winning as it would one by one; any other event this service needs ends the run and is
     * applied on its own, in order (a status change needs the standing its joined event made).
     */
    @Override
    public void handleAll(List<IncomingEvent> events) {
        EventRuns.apply(events,
                event -> EventTypes.MEMBER_JOINED.equals(event.type()) ? parseJoined(event.data()) : null,
                event -> event.uuid("memberId"),
                event -> EventTypes.MEMBER_STATUS_CHANGED.equals(event.type())
                        || EventTypes.MEMBER_ERASED.equals(event.type()) || EventTypes.MEMBER_MERGED.equals(event.type()),
                this::upsert, this::handle);
    }

    private void upsert(Map<UUID, Joined> run) {
        String[] ids = new String[run.size()];
        String[] statuses = new String[run.size()];
        String[] joinedAt = new String[run.size()];
        String[] updatedAt = new String[run.size()];
        String now = SuiteClock.timestamp(clock).toString();
        int i = 0;
        for (Joined joined : run.values()) {
            ids[i] = joined.memberId().toString();
            statuses[i] = joined.status();
            updatedAt[i] = now;
            joinedAt[i++] = joined.joinedAt().toString();
        }
        // JDBC below Hibernate: write its pending changes first, and forget what it holds afterwards (stale now).
        entityManager.flush();
        // Nearly always new members (a burst of joined events): a plain insert first, the upsert only if needed.
        entityManager.unwrap(Session.class).doWork(connection -> NewRows.insertColumns(connection, true, """
                        insert into member_projection (member_id, status, joined_at, updated_at)
                        select id::uuid, status, joined_at::timestamptz, updated_at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as row (id, status, joined_at, updated_at)""",
                """
                        on conflict (member_id) do update
                            set status = excluded.status, joined_at = excluded.joined_at, updated_at = excluded.updated_at""",
                ids, statuses, joinedAt, updatedAt));
        entityManager.clear();
    }
}
