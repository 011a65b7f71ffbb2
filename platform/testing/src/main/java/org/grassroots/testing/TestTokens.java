package org.grassroots.testing;

import org.grassroots.platform.infra.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bearer tokens for tests, signed by the development issuer the test resource makes services trust. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return token(UUID.randomUUID().toString(), "admin");
    }

    /** An organiser of {@code branch} (the {@code branch} claim). */
    public static String organiser(UUID branch) {
        return DevTokens.token(UUID.randomUUID().toString(), List.of("organiser"), Map.of("branch", branch.toString()),
                Duration.ofMinutes(30));
    }

    /** An organiser whose token names no branch. */
    public static String organiserWithoutBranch() {
        return token(UUID.randomUUID().toString(), "organiser");
    }

    /** A member's token: its subject is the member id. */
    public static String member(UUID memberId) {
        return token(memberId.toString(), "member");
    }

    public static String token(String subject, String... roles) {
        return DevTokens.token(subject, List.of(roles), Duration.ofMinutes(30));
    }

    /** A token as the gateway mints it for an API key: group integration, no role, the scopes in {@code scope}. */
    public static String apiKey(String... scopes) {
        return DevTokens.token("api-key:" + UUID.randomUUID(), List.of("integration"),
                Map.of("scope", String.join(" ", scopes)), Duration.ofMinutes(30));
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String forged() {
        String real = admin();
        String[] parts = real.split("\\.");
        return parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    }
}
