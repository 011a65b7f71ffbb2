package org.grassroots.kit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/**
 * What the current request's verified token says about its caller: subject, roles ({@code groups}) and, for
 * organisers, their branch (the {@code branch} claim). Services turn it into their own caller type with the
 * rules of their domain. No token: anonymous (no subject, no roles).
 */
@RequestScoped
public class TokenCaller {

    /** The claim naming an organiser's branch. */
    public static final String BRANCH_CLAIM = "branch";

    @Inject
    JsonWebToken token;

    public boolean isAnonymous() {
        return token == null || token.getRawToken() == null;
    }

    public String subject() {
        return isAnonymous() ? null : token.getSubject();
    }

    /** The token's groups; an API key's token has the roles its scopes give it here ({@link ApiKeyGrants}). */
    public Set<String> roles() {
        if (isAnonymous() || token.getGroups() == null) {
            return Set.of();
        }
        return ApiKeyGrants.roles(token.getGroups(), ApiKeyGrants.scopes(token));
    }

    /** The organiser's branch, or null (none, or not a UUID). */
    public UUID branchId() {
        // Asked only when present: smallrye-jwt looks a custom claim's name up among the standard ones by
        // Claims.valueOf, which throws (and fills in a stack trace) for every name it doesn't know.
        Object claim = isAnonymous() || !token.getClaimNames().contains(BRANCH_CLAIM) ? null
                : token.getClaim(BRANCH_CLAIM);
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
