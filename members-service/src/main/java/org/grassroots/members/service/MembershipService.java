package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.Branch;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.grassroots.kit.time.SuiteClock;
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
        List<String> additionalPhones = additionalPhones(details);
        Member member = new Member();
        member.id = TimeOrderedIds.next();
        member.givenName = details.givenName().trim();
        member.familyName = details.familyName().trim();
        member.email = details.email().trim();
        member.emailNormalised = Member.normaliseEmail(details.email());
        member.phone = phone.orElse(null);
        member.postcode = postcode.map(Postcode::toString).orElse(null);
        member.membershipType = Objects.requireNonNullElse(details.membershipType(), MembershipType.member);
        member.branchId = details.branchId() != null ? details.branchId()
                : postcode.flatMap(branchCovering).orElse(null);
        if (caller.isOrganiser() && !caller.isAdmin()) {
            UUID own = caller.confinedToBranch();
            if (member.branchId == null) {
                member.branchId = own;
            } else if (!own.equals(member.branchId)) {
                throw Caller.forbidden("Organisers record members in their own branch only");
            }
        }
        member.origin = details.origin();
        member.externalId = details.externalId();
        member.duesPaidUntil = details.duesPaidUntil();
        addAdditionalEmails(member, details);
        additionalPhones.stream().filter(number -> !number.equals(member.phone)).forEach(member.additionalPhones::add);
        if (details.addressLines() != null) {
            member.addressLines = addressLines(details);
        }
        member.locality = details.locality();
        member.region = details.region();
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
        List<String> additionalPhones = additionalPhones(details);
        if (details.branchId() != null && Branch.findByIdOptional(details.branchId()).isEmpty()) {
            throw unknownBranch(details.branchId());
        }
        if (caller.isOrganiser() && !caller.isAdmin() && !Objects.equals(details.branchId(), member.branchId)) {
            throw Caller.forbidden("Organisers cannot move members to another branch");
        }
        if (Member.emailTakenByAnother(details.email(), member.id)) {
            throw ProblemException.conflict("email-in-use", "The email address belongs to another person; merge them");
        }
        if (details.externalId() != null && Member.findByExternalId(details.externalId())
                .filter(other -> !other.id.equals(member.id)).isPresent()) {
            throw ProblemException.conflict("external-id-in-use", "The external id belongs to another person");
        }
        refuseEmailsOfOthers(details, member.id);

        Snapshot before = Snapshot.of(member);
        member.givenName = details.givenName().trim();
        member.familyName = details.familyName().trim();
        member.email = details.email().trim();
        member.emailNormalised = Member.normaliseEmail(member.email);
        member.phone = phone.orElse(null);
        member.postcode = postcode.map(Postcode::toString).orElse(null);
        member.membershipType = details.membershipType();
        member.branchId = details.branchId();
        member.origin = details.origin();
        member.externalId = details.externalId();
        member.duesPaidUntil = details.duesPaidUntil();
        member.additionalEmails.clear();
        addAdditionalEmails(member, details);
        member.additionalPhones.clear();
        additionalPhones.stream().filter(number -> !number.equals(member.phone)).forEach(member.additionalPhones::add);
        member.addressLines = details.addressLines() == null ? new String[0] : addressLines(details);
        member.locality = details.locality();
        member.region = details.region();
        boolean changed = !before.equals(Snapshot.of(member));
        if (changed) {
            member.updatedAt = SuiteClock.timestamp(clock);
            events.updated(member);
            Member.flush(); // the new version, for the ETag
        }
        return new Recorded(member, false, changed);
    }

    /** The writable values of a member, to tell whether a replacement changed anything. */
    private record Snapshot(List<Object> values) {
        static Snapshot of(Member m) {
            return new Snapshot(java.util.Arrays.asList(m.givenName, m.familyName, m.email, m.phone, m.postcode,
                    m.membershipType, m.branchId, m.origin, m.externalId, m.duesPaidUntil,
                    List.copyOf(m.additionalEmails), List.copyOf(m.additionalPhones), List.of(m.addressLines),
                    m.locality, m.region));
        }
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
            throw Caller.forbidden("Only an admin grants or revokes party roles");
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

    public List<StatusChange> history(UUID memberId, Caller caller) {
        readable(memberId, caller);
        return StatusChange.historyOf(memberId);
    }

    public Member readable(UUID id, Caller caller) {
        return findReadable(id, caller).orElseThrow(() -> ProblemException.notFound("Member " + id));
    }

    /** The member with this id if there is one (empty if not); a 403 problem if the caller may not read it. */
    public Optional<Member> findReadable(UUID id, Caller caller) {
        Optional<Member> member = Member.<Member>findByIdOptional(id);
        if (member.isPresent() && !caller.mayRead(member.get())) {
            throw Caller.forbidden("You may read your own record, or your branch's members as an organiser");
        }
        return member;
    }

    /** Filters of the member list; null means any. {@code consentChannel}/{@code consentPurpose}: currently granted. */
    public record MemberFilter(UUID branchId, MembershipStatus status, MembershipType type, String email,
                               OffsetDateTime joinedSince, OffsetDateTime updatedSince,
                               ContactChannel consentChannel, ContactPurpose consentPurpose, String tag,
                               PartyRole role) {
    }

    public Page<Member> list(MemberFilter filter, PageRequest request, Caller caller) {
        UUID confined = caller.confinedToBranch();
        if (confined != null && filter.branchId() != null && !confined.equals(filter.branchId())) {
            throw Caller.forbidden("Organisers list their own branch's members only");
        }
        UUID branch = confined != null ? confined : filter.branchId();
        StringBuilder query = new StringBuilder("from Member m where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (branch != null) {
            parameters.add(branch);
            query.append(" and m.branchId = ?").append(parameters.size());
        }
        if (filter.status() != null) {
            parameters.add(filter.status());
            query.append(" and m.status = ?").append(parameters.size());
        }
        if (filter.type() != null) {
            parameters.add(filter.type());
            query.append(" and m.membershipType = ?").append(parameters.size());
        }
        if (filter.email() != null) {
            parameters.add(Member.normaliseEmail(filter.email()));
            query.append(" and m.emailNormalised = ?").append(parameters.size());
        }
        if (filter.joinedSince() != null) {
            parameters.add(filter.joinedSince());
            query.append(" and m.joinedAt >= ?").append(parameters.size());
        }
        if (filter.updatedSince() != null) {
            parameters.add(filter.updatedSince());
            query.append(" and m.updatedAt >= ?").append(parameters.size());
        }
        if (filter.tag() != null) {
            parameters.add(filter.tag());
            query.append(" and ?").append(parameters.size()).append(" member of m.tags");
        }
        if (filter.role() != null) {
            parameters.add(filter.role());
            query.append(" and ?").append(parameters.size()).append(" member of m.roles");
        }
        if (filter.consentChannel() != null) {
            // The latest ledger entry for the channel and purpose must be a grant: a withdrawal wins.
            parameters.add(filter.consentChannel());
            int channel = parameters.size();
            parameters.add(filter.consentPurpose());
            int purpose = parameters.size();
            query.append(" and exists (from ConsentRecord c where c.memberId = m.id and c.granted = true")
                    .append(" and c.id = (select max(l.id) from ConsentRecord l where l.memberId = m.id")
                    .append(" and l.channel = ?").append(channel).append(" and l.purpose = ?").append(purpose)
                    .append("))");
        }
        if (request.after() != null) {
            parameters.add(request.after().dateTime(0));
            int at = parameters.size();
            parameters.add(request.after().uuid(1));
            query.append(" and (m.updatedAt > ?").append(at).append(" or (m.updatedAt = ?").append(at)
                    .append(" and m.id > ?").append(at + 1).append("))");
        }
        query.append(" order by m.updatedAt, m.id");
        List<Member> rows = Member.<Member>find(query.toString(), parameters.toArray()).page(0, request.fetchSize()).list();
        return request.page(rows, m -> Cursor.of(m.updatedAt, m.id));
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
        if (!caller.mayManage(member)) {
            throw ProblemException.conflict("recorded-elsewhere",
                    "This person is already recorded by another branch; ask an admin");
        }
        if (details.branchId() != null && caller.isOrganiser() && !caller.isAdmin()
                && !details.branchId().equals(caller.branchId())) {
            throw Caller.forbidden("Organisers cannot move members to another branch");
        }
        List<String> additionalPhones = additionalPhones(details);
        boolean changed = false;
        changed |= set(member.givenName, details.givenName().trim(), v -> member.givenName = v);
        changed |= set(member.familyName, details.familyName().trim(), v -> member.familyName = v);
        boolean signedUpWithAnotherOfTheirs = member.additionalEmails.stream().map(Member::normaliseEmail)
                .anyMatch(Member.normaliseEmail(details.email())::equals);
        if (!signedUpWithAnotherOfTheirs) {
            changed |= set(member.email, details.email().trim(), v -> member.email = v);
            // Matched on the external id, the email may be another one: the de-duplication key follows it.
            member.emailNormalised = Member.normaliseEmail(member.email);
        }
        changed |= addAdditionalEmails(member, details);
        for (String number : additionalPhones) {
            changed |= !number.equals(member.phone) && member.additionalPhones.add(number);
        }
        if (details.addressLines() != null) {
            changed |= set(List.of(member.addressLines), List.of(addressLines(details)),
                    v -> member.addressLines = v.toArray(String[]::new));
        }
        if (details.locality() != null) {
            changed |= set(member.locality, details.locality(), v -> member.locality = v);
        }
        if (details.region() != null) {
            changed |= set(member.region, details.region(), v -> member.region = v);
        }
        if (phone.isPresent()) {
            changed |= set(member.phone, phone.get(), v -> member.phone = v);
        }
        if (postcode.isPresent()) {
            changed |= set(member.postcode, postcode.get().toString(), v -> member.postcode = v);
        }
        if (details.membershipType() != null) {
            changed |= set(member.membershipType, details.membershipType(), v -> member.membershipType = v);
        }
        if (details.branchId() != null) {
            changed |= set(member.branchId, details.branchId(), v -> member.branchId = v);
        }
        if (details.externalId() != null) {
            changed |= set(member.externalId, details.externalId(), v -> member.externalId = v);
        }
        if (details.duesPaidUntil() != null) {
            changed |= set(member.duesPaidUntil, details.duesPaidUntil(), v -> member.duesPaidUntil = v);
        }
        if (changed) {
            member.updatedAt = now;
        }
        return changed;
    }

    /** Adds the details' additional emails the person lacks (the primary one is not repeated); whether any was. */
    private static boolean addAdditionalEmails(Member member, MemberDetails details) {
        boolean added = false;
        if (details.additionalEmails() != null) {
            for (String email : details.additionalEmails()) {
                String normalised = Member.normaliseEmail(email);
                boolean known = normalised.equals(member.emailNormalised) || member.additionalEmails.stream()
                        .map(Member::normaliseEmail).anyMatch(normalised::equals);
                if (!known) {
                    added |= member.additionalEmails.add(email.trim());
                }
            }
        }
        return added;
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

    private static List<String> additionalPhones(MemberDetails details) {
        if (details.additionalPhones() == null) {
            return List.of();
        }
        return details.additionalPhones().stream()
                .map(text -> PhoneNumber.normalise(text).orElseThrow(() -> ProblemException.badRequest(
                        "additionalPhones", "must be phone numbers, e.g. 07700 900123 or +44 7700 900123")))
                .distinct().toList();
    }

    private static String[] addressLines(MemberDetails details) {
        return details.addressLines().stream().map(String::trim).toArray(String[]::new);
    }

    private static <T> boolean set(T current, T value, java.util.function.Consumer<T> setter) {
        if (Objects.equals(current, value)) {
            return false;
        }
        setter.accept(value);
        return true;
    }

    private Member manageable(UUID id, Caller caller) {
        Member member = Member.require(id);
        if (!caller.mayManage(member)) {
            throw Caller.forbidden("Only an admin, or an organiser of the member's branch, may do this");
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
