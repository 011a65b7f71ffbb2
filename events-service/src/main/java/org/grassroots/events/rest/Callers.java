package org.grassroots.events.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grassroots.events.service.Caller;

import java.util.Set;
import java.util.UUID;

/** The verified token of the current request (if any), as the service layer's {@link Caller}. */
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
        Set<String> roles = token.getGroups() == null ? Set.of() : token.getGroups();
        return new Caller(token.getSubject(), roles, branch());
    }

    private UUID branch() {
        Object claim = token.getClaim(BRANCH_CLAIM);
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
