package org.grassroots.kit.security;

/**
 * The roles of the security model, carried in the JWT {@code groups} claim. {@code public} needs no token, so
 * public endpoints are {@code @PermitAll} rather than a role.
 */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String ORGANISER = "organiser";
    public static final String ADMIN = "admin";
    /** The elections team: elections, ballots, candidate selection, results and office-holders. */
    public static final String ELECTIONS = "elections";

    private Roles() {
    }
}
