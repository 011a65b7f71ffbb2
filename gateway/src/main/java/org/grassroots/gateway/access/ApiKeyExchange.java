package org.grassroots.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.gateway.domain.ApiKey;
import org.grassroots.gateway.domain.Scope;
import org.grassroots.gateway.routing.GatewayConfig;
import org.grassroots.gateway.service.ApiKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Exchanges an API key for a short-lived JWT the services accept: signed with the gateway's own key (its
 * {@code kid} is in the services' JWKS), the identity provider's issuer, subject {@code api-key:<id>}, groups
 * {@code admin} and {@code integration}, and the key's scopes in {@code scope}. The gateway confines the key to its
 * scopes before forwarding (see {@link Gatekeeper}); the services see an admin.
 *
 * <p>Keys are remembered by their hash for {@code api-keys.cache-ttl} and minted tokens per key until shortly
 * before they expire, so an integration's requests cost no database read and no signature. Revoking a key forgets
 * it here at once; other gateway instances stop accepting it within the cache TTL.
 */
@ApplicationScoped
public class ApiKeyExchange {

    public static final Set<String> GROUPS = Set.of("admin", "integration");

    private record Minted(String token, Instant expires) {
    }

    private final Cache<String, Optional<ApiKey>> keys;
    private final Cache<UUID, Minted> tokens;
    private final Duration lifetime;
    private final String keyId;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;


    @Inject
    public ApiKeyExchange(GatewayConfig config) {
        keys = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.apiKeys().cacheTtl()).build();
        tokens = Caffeine.newBuilder().maximumSize(10_000).build();
        lifetime = config.apiKeys().tokenLifetime();
        keyId = config.apiKeys().signingKeyId();
    }

    /** A key with its minted bearer token, or empty for an unknown or revoked key. */
    public record Exchanged(ApiKey key, String token) {
    }

    public Future<Optional<Exchanged>> exchange(String secret) {
        String hash = BearerTokens.sha256(secret);
        Optional<ApiKey> known = keys.getIfPresent(hash);
        if (known != null) {
            if (known.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Minted minted = tokens.getIfPresent(known.get().id());
            if (minted != null && minted.expires().isAfter(Instant.now().plusSeconds(60))) {
                return Future.succeededFuture(Optional.of(new Exchanged(known.get(), minted.token())));
            }
        }
        // A database read and an RSA signature: off the event loop.
        return vertx.executeBlocking(() -> {
            Optional<ApiKey> key = known != null ? known : apiKeys.authenticate(secret);
            keys.put(hash, key);
            return key.map(k -> new Exchanged(k, mint(k)));
        }, false);
    }

    /** Forgets a (revoked) key and its token in this instance. */
    public void forget(UUID id) {
        tokens.invalidate(id);
        keys.asMap().values().removeIf(key -> key.isPresent() && key.get().id().equals(id));
    }

    private String mint(ApiKey key) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        String token = Jwt.issuer(issuer)
                .subject("api-key:" + key.id())
                .upn("api-key:" + key.id())
                .groups(GROUPS)
                .claim("scope", key.scopes().stream().map(Scope::toString).collect(Collectors.joining(" ")))
                .claim("api_key", key.id().toString())
                .issuedAt(now)
                .expiresAt(expires)
                .jws().keyId(keyId)
                .sign();
        tokens.put(key.id(), new Minted(token, expires));
        return token;
    }
}
