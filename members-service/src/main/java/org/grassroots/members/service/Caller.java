package org.grassroots.members.service;

import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.Member;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the token's subject, roles and, for organisers, their branch (the {@code branch} claim).
 * Admins see everyone; organisers their branch's members; members themselves.
 */
public record Caller(String subject, Set<String> roles, UUID branchId) {

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isOrganiser() {
        return roles.contains(Roles.ORGANISER);
    }

    public boolean mayRead(Member member) {
        return isAdmin() || (isOrganiser() && branchId != null && branchId.equals(member.branchId))
                || member.id.toString().equals(subject);
    }

    public boolean mayManage(Member member) {
        return isAdmin() || (isOrganiser() && branchId != null && branchId.equals(member.branchId));
    }

    /** The branch an organiser is confined to; null for admins (no confinement). */
    public UUID confinedToBranch() {
        if (isAdmin()) {
            return null;
        }
        if (branchId == null) {
            throw ProblemException.forbidden("Your token names no branch, so there are no members you may manage");
        }
        return branchId;
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
