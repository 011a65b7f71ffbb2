package org.grassroots.events.service;

import org.grassroots.events.domain.Event;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the token's subject, roles and, for organisers, their branch (the {@code branch} claim); an
 * anonymous caller has no subject and no roles. Admins manage every event, organisers their branch's events.
 */
public record Caller(String subject, Set<String> roles, UUID branchId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isOrganiser() {
        return roles.contains(Roles.ORGANISER);
    }

    /** Members-only events are for any signed-in member, organiser or admin. */
    public boolean isSignedIn() {
        return subject != null && !roles.isEmpty();
    }

    /** The member id a member's token carries as its subject. */
    public UUID memberId() {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean mayManage(Event event) {
        return mayManageBranch(event.branchId);
    }

    public boolean mayManageBranch(UUID branch) {
        return isAdmin() || (isOrganiser() && branchId != null && branchId.equals(branch));
    }

    /** @throws ProblemException 403 unless this caller manages the event */
    public void checkManages(Event event) {
        if (!mayManage(event)) {
            throw forbidden("Only the host branch's organisers and admins manage this event");
        }
    }

    public static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
