package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.PartyRole;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.kit.security.Caller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading members as the caller may: one record, its status history, the filtered list. */
@ApplicationScoped
public class MemberQueries {

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
        if (member.isPresent() && !member.get().isReadableBy(caller)) {
            throw ProblemException.forbidden("You may read your own record, or your branch's members as an organiser");
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
            throw ProblemException.forbidden("Organisers list their own branch's members only");
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
}
