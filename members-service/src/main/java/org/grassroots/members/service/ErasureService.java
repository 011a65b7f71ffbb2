package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.idempotency.IdempotencyRecords;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.ErasureRecord;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.members.messaging.MemberEvents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/**
 * The right to erasure: the person's record and history are deleted here, and {@code member.erased} tells every
 * other service to remove its copies. What remains is an audit record without personal data.
 */
@ApplicationScoped
public class ErasureService {

    @Inject
    Clock clock;

    @Inject
    MemberEvents events;

    @Inject
    ImportService imports;

    @Inject
    IdempotencyRecords idempotency;

    @Transactional
    public ErasureRecord erase(UUID memberId, Caller caller) {
        Optional<ErasureRecord> done = ErasureRecord.find("memberId", memberId).firstResultOptional();
        if (done.isPresent()) {
            return done.get(); // erasing twice is the same erasure
        }
        Member member = Member.require(memberId);
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin may erase a person");
        }
        // Every address, for the other services to find copies kept without the member id (public RSVPs).
        List<String> emails = member.allEmails();
        StatusChange.delete("memberId", memberId);
        ConsentRecord.delete("memberId", memberId);
        member.delete();
        // The member's row first, as an import's chunk locks it before its job: the same order, no deadlock.
        Member.flush();
        imports.failImportsHoldingAnyOf(emails);
        // Answers remembered for retries (the created member, a status change) go with the person.
        idempotency.forget(List.of(memberId));
        ErasureRecord record = new ErasureRecord();
        record.id = TimeOrderedIds.next();
        record.memberId = memberId;
        record.erasedAt = SuiteClock.timestamp(clock);
        record.requestedBy = "admin";
        record.persist();
        events.erased(memberId, emails, record.erasedAt);
        return record;
    }

    /**
     * Erases a person known only by an email address (a public RSVP, a feedback card, a row of an unfinished import):
     * nothing is kept here but the fact and the time, and {@code person.erased} carries the address's digests for the
     * other services to remove their copies. An address of a member is refused: their erasure is by id, so that an
     * erasure of a record is always deliberate.
     */
    @Transactional
    public ErasureRecord eraseByEmail(String email, Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin may erase a person");
        }
        Member.findByEmail(email).ifPresent(member -> {
            throw ProblemException.conflict("is-a-member", "This address belongs to member " + member.id
                    + ": erase them with POST /members/" + member.id + "/erasure");
        });
        imports.failImportsHoldingAnyOf(List.of(email));
        ErasureRecord record = new ErasureRecord();
        record.id = TimeOrderedIds.next();
        record.subject = "email";
        record.erasedAt = SuiteClock.timestamp(clock);
        record.requestedBy = "admin";
        record.persist();
        events.personErased(record.id, List.of(email), record.erasedAt);
        return record;
    }
}
