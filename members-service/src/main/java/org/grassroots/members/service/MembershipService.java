package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.outbox.Outbox;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.messaging.MemberJoinedV1;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Use cases of a person's membership. Each runs in one transaction with the events it publishes. */
@ApplicationScoped
public class MembershipService {

    @Inject
    Outbox outbox;

    /** Records a new person as an active member and announces it. */
    @Transactional
    public Member join(String givenName, String familyName, String email) {
        if (Member.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("duplicate-email", "A person with this email address is already recorded");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.givenName = givenName.trim();
        member.familyName = familyName.trim();
        member.email = email.trim();
        member.emailNormalised = Member.normaliseEmail(email);
        member.status = MembershipStatus.active;
        member.joinedAt = now;
        member.updatedAt = now;
        member.persist();
        outbox.record(Topics.MEMBERS, member.id.toString(), EventTypes.MEMBER_JOINED,
                new MemberJoinedV1(member.id, member.status.name(), member.joinedAt));
        return member;
    }

    public Optional<Member> find(UUID id) {
        return Member.findByIdOptional(id);
    }
}
