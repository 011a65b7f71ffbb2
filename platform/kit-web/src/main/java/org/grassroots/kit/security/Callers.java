package org.grassroots.kit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/**
 * The current request's {@link Caller}, from its verified token: subject, roles ({@code groups}; an API key's
 * token has the roles its scopes give it here, {@link ApiKeyGrants}) and the organiser's {@code branch} claim.
 */
@RequestScoped
public class Callers {

    /** The claim naming an organiser's branch. */
    public static final String BRANCH_CLAIM = "branch";

    @Inject
    JsonWebToken token;

    public Caller current() {
        if (token == null || token.getRawToken() == null) {
            return Caller.ANONYMOUS;
        }
        Set<String> roles = token.getGroups() == null ? Set.of()
                : ApiKeyGrants.roles(token.getGroups(), ApiKeyGrants.scopes(token));
        return new Caller(token.getSubject(), roles, branch());
    }

    /** The organiser's branch, or null (none, or not a UUID). */
    private UUID branch() {
        // Asked only when present: smallrye-jwt looks a custom claim's name up among the standard ones by
        // Claims.valueOf, which throws (and fills in a stack trace) for every name it doesn't know.
        Object claim = token.getClaimNames().contains(BRANCH_CLAIM) ? token.getClaim(BRANCH_CLAIM) : null;
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
