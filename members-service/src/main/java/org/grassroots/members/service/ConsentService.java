package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.LawfulBasis;
import org.grassroots.members.domain.Member;
import org.grassroots.members.messaging.MemberEvents;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import org.grassroots.kit.problem.ProblemException;
import java.time.Clock;

/** The consent ledger: grants and withdrawals per channel and purpose. A person may always withdraw their own. */
@ApplicationScoped
public class ConsentService {

    @Inject
    Clock clock;

    @Inject
    MemberEvents events;

    @Transactional
    public ConsentRecord record(UUID memberId, ContactChannel channel, ContactPurpose purpose, boolean granted,
                                LawfulBasis basis, String source, Caller caller) {
        Member member = Member.require(memberId);
        boolean self = member.id.toString().equals(caller.subject());
        if (!self && !member.isManagedBy(caller)) {
            throw ProblemException.forbidden("Consent is recorded by the person, their branch's organisers or an admin");
        }
        return append(member, channel, purpose, granted, basis, source);
    }

    /** Appends to the ledger of a person the caller has already been allowed to change (a signup's own record). */
    ConsentRecord append(Member member, ContactChannel channel, ContactPurpose purpose, boolean granted,
                         LawfulBasis basis, String source) {
        UUID memberId = member.id;
        ConsentRecord record = new ConsentRecord();
        record.memberId = memberId;
        record.channel = channel;
        record.purpose = purpose;
        record.granted = granted;
        record.lawfulBasis = basis;
        record.source = source;
        record.recordedAt = SuiteClock.timestamp(clock);
        record.persist();
        member.updatedAt = record.recordedAt;
        events.consentChanged(record);
        return record;
    }

    public List<ConsentRecord> ledger(UUID memberId) {
        return ConsentRecord.ledgerOf(memberId);
    }

    public Collection<ConsentRecord> current(UUID memberId) {
        return ConsentRecord.currentOf(memberId);
    }
}
