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
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Office-holder events, through the outbox in the caller's transaction, keyed by office-holder id. Every payload
 * says whether the office-holder sits for our party before and after the event, so a consumer (members-service,
 * setting the councillor role on {@code memberId}) needs no other state than its own per-office-holder flag.
 */
@ApplicationScoped
public class OfficeHolderEvents {

    /**
     * The payload of {@code joined}, {@code changed-party} and {@code left}.
     *
     * @param partyId         the party sat for after the event; null for an independent, and after leaving office
     * @param previousPartyId the party sat for before the event; null on joining (and for an independent)
     */
    public record OfficeHolderV1(UUID officeHolderId, UUID memberId, UUID postId, UUID organisationId,
                                 UUID partyId, String partyEcId, UUID previousPartyId,
                                 boolean heldOfficeForOurPartyBefore, boolean holdsOfficeForOurParty,
                                 LocalDate effectiveDate, OffsetDateTime occurredAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    PartyService parties;

    public void joined(OfficeHolder holder, Party party, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_JOINED, holder, null, party, true, date);
    }

    public void changedParty(OfficeHolder holder, Party from, Party to, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_CHANGED_PARTY, holder, from, to, true, date);
    }

    public void left(OfficeHolder holder, Party lastParty, LocalDate date) {
        publish(EventTypes.OFFICE_HOLDER_LEFT, holder, lastParty, null, false, date);
    }

    private void publish(String type, OfficeHolder holder, Party before, Party after, boolean inOfficeAfter,
                         LocalDate date) {
        outbox.record(Topics.OFFICE_HOLDERS, holder.id.toString(), type, new OfficeHolderV1(holder.id,
                holder.memberId, holder.post.id, holder.post.organisation.id, after == null ? null : after.id,
                after == null ? null : after.ecId, before == null ? null : before.id, parties.isOurs(before),
                inOfficeAfter && parties.isOurs(after), date, OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
