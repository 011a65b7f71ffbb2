package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MemberRedirect;
import org.grassroots.members.domain.OfficeHolding;
import org.grassroots.members.domain.PartyRole;
import org.grassroots.members.messaging.MemberEvents;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * The councillor role follows elections-service: a member is a councillor while an office-holder linked to them
 * holds office for our party. Each office-holder's latest flag is kept, so events of a member's different
 * offices may arrive in any order; a replayed event changes nothing.
 */
@ApplicationScoped
public class CouncillorRoleService {

    @Inject
    Clock clock;

    @Inject
    MemberEvents events;

    /**
     * @param memberId the linked member (null: not a member); a merged id is followed to the surviving record,
     *                 an unknown or erased one is treated as no member
     */
    @Transactional
    public void officeHolderChanged(UUID officeHolderId, UUID memberId, boolean forOurParty, OffsetDateTime at) {
        UUID member = current(memberId);
        OfficeHolding holding = OfficeHolding.<OfficeHolding>findByIdOptional(officeHolderId).orElseGet(() -> {
            OfficeHolding created = new OfficeHolding();
            created.officeHolderId = officeHolderId;
            return created;
        });
        UUID previousMember = holding.memberId;
        holding.memberId = member;
        holding.forOurParty = forOurParty;
        holding.updatedAt = at != null ? at : SuiteClock.timestamp(clock); // an event without ce_time is still applied
        holding.persist();
        OfficeHolding.flush();
        if (previousMember != null && !previousMember.equals(member)) {
            reconcile(previousMember);
        }
        if (member != null) {
            reconcile(member);
        }
    }

    private static UUID current(UUID memberId) {
        if (memberId == null) {
            return null;
        }
        UUID survivor = MemberRedirect.<MemberRedirect>findByIdOptional(memberId).map(r -> r.survivorId)
                .orElse(memberId);
        return Member.findByIdOptional(survivor).isPresent() ? survivor : null;
    }

    private void reconcile(UUID memberId) {
        Member member = Member.findById(memberId);
        if (member == null) {
            return;
        }
        boolean councillor = OfficeHolding.anyForOurParty(memberId);
        boolean changed = councillor ? member.roles.add(PartyRole.councillor) : member.roles.remove(PartyRole.councillor);
        if (changed) {
            member.updatedAt = SuiteClock.timestamp(clock);
            events.updated(member);
        }
    }
}
