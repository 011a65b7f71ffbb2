package org.grassroots.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grassroots.kit.problem.ProblemException;

import java.util.UUID;

/**
 * Who may read what a service holds about a person for their subject-access export: an admin, an API key (whose
 * {@code members:export} scope {@link ApiKeyScopeGate} checks), or the person themself.
 */
public final class SubjectAccessGuard {

    private SubjectAccessGuard() {
    }

    public static void requireAllowed(SecurityIdentity identity, JsonWebToken token, UUID memberId) {
        if (memberId == null) {
            throw ProblemException.badRequest("memberId", "is required");
        }
        if (!identity.hasRole(Roles.ADMIN) && !identity.hasRole(ApiKeyGrants.INTEGRATION)
                && !memberId.toString().equals(token.getSubject())) {
            throw ProblemException.forbidden("A subject-access export is for the person themself or an admin");
        }
    }
}
