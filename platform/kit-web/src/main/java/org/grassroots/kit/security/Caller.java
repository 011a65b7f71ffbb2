package org.grassroots.kit.security;

import org.grassroots.kit.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, as every service sees it: the token's subject, its roles ({@code groups}, with what an API key's
 * scopes give it here) and, for an organiser, the branch they are confined to. The one rule of branch confinement:
 * admins manage every branch, organisers only their own. Anonymous: no subject, no roles.
 */
public record Caller(String subject, Set<String> roles, UUID branchId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isOrganiser() {
        return roles.contains(Roles.ORGANISER);
    }

    /** Any signed-in person with a role (member, organiser, admin, ...). */
    public boolean isSignedIn() {
        return subject != null && !roles.isEmpty();
    }

    /** The member id a member's token carries as its subject; null for other subjects (an API key's). */
    public UUID memberId() {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether this is the person with this member id. */
    public boolean is(UUID memberId) {
        return memberId != null && memberId.toString().equals(subject);
    }

    /** Admins manage every branch; organisers the branch their token names. */
    public boolean managesBranch(UUID branch) {
        return isAdmin() || (isOrganiser() && branchId != null && branchId.equals(branch));
    }

    /** @throws ProblemException 403 with {@code detail} unless this caller manages the branch */
    public void requireManagesBranch(UUID branch, String detail) {
        if (!managesBranch(branch)) {
            throw ProblemException.forbidden(detail);
        }
    }

    /** The branch an organiser is confined to; null for admins (no confinement). */
    public UUID confinedToBranch() {
        if (isAdmin()) {
            return null;
        }
        if (branchId == null) {
            throw ProblemException.forbidden("Your token names no branch, so there is nothing you may manage");
        }
        return branchId;
    }
}
