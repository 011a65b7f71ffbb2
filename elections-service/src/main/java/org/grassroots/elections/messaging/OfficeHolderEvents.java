package org.grassroots.elections.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.elections.domain.Party;
import org.grassroots.elections.service.PartyService;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.outbox.Outbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Office-holder events, through the outbox in the caller's transaction, keyed by office-holder id. Every payload
 * says whether the office-holder sits for our party before and after the event, so a consumer (members-service,
 * setting the councillor role on {@code memberId}) needs no other state than its own per-office-holder flag.
 */
@ApplicationScoped
public class OfficeHolderEvents {

    @Inject
    Clock clock;

    /**
     * The payload of {@code joined}, {@code changed-party} and {@code left}.
     *
     * @param partyId         the party sat for after the event; null for an independent, and after leaving office
     * @param previousPartyId the party sat for before the event; null on joining (and for an independent)
     * @param organisationType e.g. town-council or parliament: whether the office is a councillor's
     * @param previousMemberId the member linked before the event: null on joined; differs from memberId only on
     *                         member-linked
     */
    public record OfficeHolderV1(UUID officeHolderId, UUID memberId, UUID previousMemberId, UUID postId,
                                 UUID organisationId, String organisationType,
                                 UUID partyId, String partyEcId, UUID previousPartyId,
                                 boolean heldOfficeForOurPartyBefore, boolean holdsOfficeForOurParty,
                                 LocalDate effectiveDate, OffsetDateTime occurredAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    PartyService parties;

    public void joined(OfficeHolder holder, Party party, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_JOINED, holder, null, null, false, party, true, date);
    }

    public void changedParty(OfficeHolder holder, Party from, Party to, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_CHANGED_PARTY, holder, holder.memberId, from, true, to, true, date);
    }

    public void left(OfficeHolder holder, Party lastParty, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_LEFT, holder, holder.memberId, lastParty, true, null, false, date);
    }

    /** The person was linked to (or unlinked from) a member; their office and party are unchanged. */
    public void memberLinked(OfficeHolder holder, UUID previousMemberId, Party current, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_MEMBER_LINKED, holder, previousMemberId, current, holder.inOffice(), current,
                holder.inOffice(), date);
    }

    private void publish(String type, OfficeHolder holder, UUID previousMemberId, Party before, boolean inOfficeBefore,
                         Party after, boolean inOfficeAfter, LocalDate date) {
        outbox.record(Topics.OFFICE_HOLDERS, holder.id.toString(), type, new OfficeHolderV1(holder.id,
                holder.memberId, previousMemberId, holder.post.id, holder.post.organisation.id,
                holder.post.organisation.organisationType,
                after == null ? null : after.id, after == null ? null : after.ecId, before == null ? null : before.id,
                inOfficeBefore && parties.isOurs(before), inOfficeAfter && parties.isOurs(after), date,
                SuiteClock.timestamp(clock)));
    }
}
