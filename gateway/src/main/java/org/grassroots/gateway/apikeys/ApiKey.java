package org.grassroots.gateway.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An integration's API key as stored: never its secret, only the secret's hash (not carried here) and prefix.
 * {@code expiresAt} is optional; {@code lastUsedAt} is recorded at most once a minute per key.
 */
public record ApiKey(UUID id, String name, String prefix, List<Scope> scopes, OffsetDateTime createdAt,
                     String createdBy, OffsetDateTime revokedAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {

    public boolean allows(String domain, String method) {
        return scopes.stream().anyMatch(s -> s.allows(domain, method));
    }

    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
