package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.Branch;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.PartyRole;
import org.grassroots.members.domain.PhoneNumber;
import org.grassroots.members.domain.Postcode;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.members.domain.StatusChangeKind;
import org.grassroots.members.messaging.MemberEvents;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/** Use cases of a person's membership. Each runs in one transaction with the events it publishes. */
@ApplicationScoped
public class MembershipService {

    @Inject
    Clock clock;

    /** The outcome of recording a person: a new member, or the existing one updated. */
    public record Recorded(Member member, boolean created, boolean changed) {
    }

    @Inject
    MemberEvents events;

    /**
     * Records a person, de-duplicated on the normalised email and the external id: a second signup updates the
     * existing record instead of creating another one. A refusal (a {@link ProblemException}) is thrown before
     * anything is changed, so it leaves a surrounding transaction usable.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Recorded record(MemberDetails details, Caller caller) {
        Optional<String> phone = Optional.ofNullable(details.phone()).map(MembershipService::phone);
        Optional<Postcode> postcode = Optional.ofNullable(details.postcode()).map(MembershipService::postcode);
        if (details.branchId() != null && Branch.findByIdOptional(details.branchId()).isEmpty()) {
            throw unknownBranch(details.branchId());
        }
        Optional<Member> existing = existing(details);
        refuseEmailsOfOthers(details, existing.map(m -> m.id).orElse(null));
        OffsetDateTime now = SuiteClock.timestamp(clock);
        if (existing.isPresent()) {
            Member member = existing.get();
            boolean changed = update(member, details, phone, postcode, caller, now);
            if (changed) {
                events.updated(member);
            }
            return new Recorded(member, false, changed);
        }
        Member member = newMember(details, phone, postcode,
                p -> Branch.covering(p).map(b -> b.id), caller, now);
        member.persist();
        history(member, null, StatusChangeKind.joined, null, now);
        events.joined(member);
        return new Recorded(member, true, true);
    }

    /**
     * A new active member from the details, not yet stored. The branch is the given one, else the one covering
     * the postcode; an organiser records members in their own branch only.
     */
    Member newMember(MemberDetails details, Optional<String> phone, Optional<Postcode> postcode,
                     Function<Postcode, Optional<UUID>> branchCovering, Caller caller, OffsetDateTime now) {
        Member member = new Member();
        member.id = TimeOrderedIds.next();
        MemberFields.write(member, details, phone, postcode, MemberFields.Absent.CLEARS);
        member.membershipType = Objects.requireNonNullElse(details.membershipType(), MembershipType.member);
        member.branchId = details.branchId() != null ? details.branchId()
                : postcode.flatMap(branchCovering).orElse(null);
        if (caller.isOrganiser() && !caller.isAdmin()) {
            UUID own = caller.confinedToBranch();
            if (member.branchId == null) {
                member.branchId = own;
            } else if (!own.equals(member.branchId)) {
                throw ProblemException.forbidden("Organisers record members in their own branch only");
            }
        }
        member.status = MembershipStatus.active;
        member.joinedAt = now;
        member.updatedAt = now;
        return member;
    }

    static ProblemException unknownBranch(UUID branchId) {
        return ProblemException.unprocessable("unknown-branch", "Branch " + branchId + " does not exist");
    }

    static ProblemException ambiguousPerson() {
        return ProblemException.conflict("ambiguous-person",
                "The email and the external id belong to two different people; merge them first");
    }

    /**
     * Replaces what a client may write of a person (the REST layer applies a JSON merge patch to the current
     * values and passes the result). Refusals come before any change.
     *
     * @param expectedVersion the version the new values were based on
     * @param clientExpected  whether the client named that version (If-Match): a mismatch is then 412, else
     *                        a concurrent change between our read and write (409)
     * @return the member and whether anything changed
     */
    @Transactional
    public Recorded replace(UUID id, MemberDetails details, long expectedVersion, boolean clientExpected,
                            Caller caller) {
        Member member = manageable(id, caller);
        if (member.version != expectedVersion) {
            throw clientExpected
                    ? ProblemException.preconditionFailed("The member changed since the version in If-Match; read it again")
                    : ProblemException.conflict("concurrent-change", "The member changed meanwhile; try again");
        }
        if (details.membershipType() == null) {
            throw ProblemException.badRequest("membershipType", "cannot be removed");
        }
        Optional<String> phone = Optional.ofNullable(details.phone()).map(MembershipService::phone);
        Optional<Postcode> postcode = Optional.ofNullable(details.postcode()).map(MembershipService::postcode);
        MemberFields.additionalPhones(details); // (a refusal before any change)
        if (details.branchId() != null && Branch.findByIdOptional(details.branchId()).isEmpty()) {
            throw unknownBranch(details.branchId());
        }
        if (caller.isOrganiser() && !caller.isAdmin() && !Objects.equals(details.branchId(), member.branchId)) {
            throw ProblemException.forbidden("Organisers cannot move members to another branch");
        }
        if (Member.emailTakenByAnother(details.email(), member.id)) {
            throw ProblemException.conflict("email-in-use", "The email address belongs to another person; merge them");
        }
        if (details.externalId() != null && Member.findByExternalId(details.externalId())
                .filter(other -> !other.id.equals(member.id)).isPresent()) {
            throw ProblemException.conflict("external-id-in-use", "The external id belongs to another person");
        }
        refuseEmailsOfOthers(details, member.id);

        boolean changed = MemberFields.write(member, details, phone, postcode, MemberFields.Absent.CLEARS);
        if (changed) {
            member.updatedAt = SuiteClock.timestamp(clock);
            events.updated(member);
            Member.flush(); // the new version, for the ETag
        }
        return new Recorded(member, false, changed);
    }

    /** Moves a membership through its lifecycle and records the change in its history. */
    @Transactional
    public StatusChange changeStatus(UUID memberId, MembershipStatus target, String reason, Caller caller) {
        Member member = manageable(memberId, caller);
        StatusChangeKind kind = member.status.changeTo(target);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        MembershipStatus from = member.status;
        member.status = target;
        member.updatedAt = now;
        StatusChange change = history(member, from, kind, reason, now);
        events.statusChanged(member, change);
        return change;
    }

    /** Adds or removes an organiser's label; labels are not published. */
    @Transactional
    public Member tag(UUID memberId, String tag, boolean add, Caller caller) {
        Member member = manageable(memberId, caller);
        boolean changed = add ? member.tags.add(tag) : member.tags.remove(tag);
        if (changed) {
            member.updatedAt = SuiteClock.timestamp(clock);
        }
        return member;
    }

    /** Grants or revokes a party role (admin only); published as member.updated. */
    @Transactional
    public Member role(UUID memberId, PartyRole role, boolean grant, Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin grants or revokes party roles");
        }
        if (role == PartyRole.councillor) {
            throw ProblemException.unprocessable("derived-role", "The councillor role follows the office-holders "
                    + "recorded in elections-service: record the office there");
        }
        Member member = manageable(memberId, caller);
        boolean changed = grant ? member.roles.add(role) : member.roles.remove(role);
        if (changed) {
            member.updatedAt = SuiteClock.timestamp(clock);
            events.updated(member);
        }
        return member;
    }

    private Optional<Member> existing(MemberDetails details) {
        Optional<Member> byEmail = Member.findByEmail(details.email());
        Optional<Member> byExternalId = details.externalId() == null ? Optional.empty()
                : Member.findByExternalId(details.externalId());
        if (byEmail.isPresent() && byExternalId.isPresent() && !byEmail.get().id.equals(byExternalId.get().id)) {
            throw ambiguousPerson();
        }
        return byEmail.or(() -> byExternalId);
    }

    /**
     * Applies the details to a recorded person; what the details leave out stays as it is. Publishes nothing:
     * the caller does, once per change.
     *
     * @return whether anything changed
     */
    boolean update(Member member, MemberDetails details, Optional<String> phone, Optional<Postcode> postcode,
                   Caller caller, OffsetDateTime now) {
        // Every refusal comes before the first change: a caller that goes on after a refused row (the CSV
        // import) must not commit half of it.
        if (!member.isManagedBy(caller)) {
            throw ProblemException.conflict("recorded-elsewhere",
                    "This person is already recorded by another branch; ask an admin");
        }
        if (details.branchId() != null && caller.isOrganiser() && !caller.isAdmin()
                && !details.branchId().equals(caller.branchId())) {
            throw ProblemException.forbidden("Organisers cannot move members to another branch");
        }
        MemberFields.additionalPhones(details); // (a refusal before any change)
        boolean changed = MemberFields.write(member, details, phone, postcode, MemberFields.Absent.KEEPS);
        if (changed) {
            member.updatedAt = now;
        }
        return changed;
    }

    /** An address belongs to one person: naming another person's address is a conflict, not a merge. */
    private static void refuseEmailsOfOthers(MemberDetails details, UUID person) {
        if (details.additionalEmails() == null) {
            return;
        }
        for (String email : details.additionalEmails()) {
            if (Member.emailTakenByAnother(email, person)) {
                throw ProblemException.conflict("email-in-use",
                        "One of the additional email addresses belongs to another person; merge them first");
            }
        }
    }

    private Member manageable(UUID id, Caller caller) {
        Member member = Member.require(id);
        if (!member.isManagedBy(caller)) {
            throw ProblemException.forbidden("Only an admin, or an organiser of the member's branch, may do this");
        }
        return member;
    }

    static StatusChange history(Member member, MembershipStatus from, StatusChangeKind kind, String reason,
                                        OffsetDateTime at) {
        StatusChange change = new StatusChange();
        change.memberId = member.id;
        change.fromStatus = from;
        change.toStatus = member.status;
        change.kind = kind;
        change.reason = reason;
        change.changedAt = at;
        change.persist();
        return change;
    }

    static String phone(String text) {
        return PhoneNumber.normalise(text).orElseThrow(() -> ProblemException.badRequest("phone",
                "must be a phone number, e.g. 07700 900123 or +44 7700 900123"));
    }

    static Postcode postcode(String text) {
        return Postcode.parse(text).orElseThrow(() -> ProblemException.badRequest("postcode",
                "must be a UK postcode, e.g. PL1 1AA"));
    }
}
