package org.grassroots.kit.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grassroots.kit.openapi.ApiKeyScopes;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key's token (group {@code integration}, no role; its scopes in {@code scope}) may do in this service:
 * it acts with the {@code admin} role only if one of its scopes is of this service's domain
 * ({@code grassroots.api-key-domain}), and then only in the operations its scopes name, which
 * {@link ApiKeyScopeGate} checks before any resource method runs. So a key is never an admin outside its scopes:
 * a {@code members:write} key may create and change members but not erase, export or grant roles.
 */
@ApplicationScoped
public class ApiKeyGrants implements SecurityIdentityAugmentor {

    public static final String INTEGRATION = "integration";
    public static final String SCOPE_CLAIM = "scope";

    private static volatile Optional<String> domain;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || !isIntegration(token.getGroups()) || !actsInThisDomain(scopes(token))) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.ADMIN).build());
    }

    static boolean isIntegration(Collection<String> groups) {
        return groups != null && groups.contains(INTEGRATION);
    }

    /** The token's scopes ({@code scope} is space-separated, RFC 8693). */
    static Set<String> scopes(JsonWebToken token) {
        if (!token.getClaimNames().contains(SCOPE_CLAIM)) {
            return Set.of();
        }
        Object claim = token.getClaim(SCOPE_CLAIM);
        String text = claim == null ? "" : claim.toString().replace("\"", "");
        return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    /** The roles a caller with these groups and scopes has here. */
    static Set<String> roles(Set<String> groups, Set<String> scopes) {
        if (!isIntegration(groups)) {
            return groups;
        }
        return actsInThisDomain(scopes) ? Set.of(INTEGRATION, Roles.ADMIN) : Set.of(INTEGRATION);
    }

    private static boolean actsInThisDomain(Set<String> scopes) {
        return domain().map(d -> scopes.stream().anyMatch(s -> s.startsWith(d + ":"))).orElse(false);
    }

    static Optional<String> domain() {
        Optional<String> known = domain;
        if (known == null) {
            known = ConfigProvider.getConfig().getOptionalValue(ApiKeyScopes.DOMAIN_PROPERTY, String.class);
            domain = known;
        }
        return known;
    }

    /** Whether the scopes cover {@code required}: the scope itself, or write where read is asked. */
    static boolean covers(Set<String> scopes, String required) {
        return scopes.contains(required)
                || required.endsWith(":read") && scopes.contains(required.replace(":read", ":write"));
    }
}
