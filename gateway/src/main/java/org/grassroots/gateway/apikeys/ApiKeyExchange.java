package org.grassroots.gateway.apikeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.gateway.config.GatewayConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Exchanges an API key for a short-lived JWT the services accept: signed with the gateway's own key (its
 * {@code kid} is in the services' JWKS), the identity provider's issuer, subject {@code api-key:<id>}, the one group
 * {@code integration} (no role), and the key's scopes in {@code scope}. The gateway confines the key to its domains
 * before forwarding (the admission's {@code Gatekeeper}); each service enforces the exact scope of every operation from the
 * claim (the kit's {@code ApiKeyScopes}). A key past its {@code expiresAt} is unknown (401); a minted token never
 * outlives its key.
 *
 * <p>Keys are remembered by their hash for {@code api-keys.cache-ttl} and minted tokens per key until shortly
 * before they expire, so an integration's requests cost no database read and no signature. Revoking a key forgets
 * it here at once; other gateway instances stop accepting it within the cache TTL.
 */
@ApplicationScoped
public class ApiKeyExchange {

    public static final Set<String> GROUPS = Set.of("integration");
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private record Minted(String token, Instant expires) {
    }

    private final Cache<String, Optional<ApiKey>> keys;
    private final Cache<UUID, Minted> tokens;
    /** When this instance last recorded each key's use: at most one write per key per minute. */
    private final Cache<UUID, Instant> lastRecorded;
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
        lastRecorded = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(LAST_USE_RESOLUTION).build();
        lifetime = config.apiKeys().tokenLifetime();
        keyId = config.apiKeys().signingKeyId();
    }

    /** A key with its minted bearer token, or empty for an unknown or revoked key. */
    public record Exchanged(ApiKey key, String token) {
    }

    public Future<Optional<Exchanged>> exchange(String secret) {
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(ApiKeys.hash(secret));
        Optional<ApiKey> known = keys.getIfPresent(hash);
        if (known != null) {
            if (known.isEmpty() || known.get().expiredAt(apiKeys.now())) {
                return Future.succeededFuture(Optional.empty());
            }
            Minted minted = tokens.getIfPresent(known.get().id());
            if (minted != null && minted.expires().isAfter(Instant.now().plusSeconds(60))) {
                recordUse(known.get().id());
                return Future.succeededFuture(Optional.of(new Exchanged(known.get(), minted.token())));
            }
        }
        // A database read and an RSA signature: off the event loop.
        return vertx.executeBlocking(() -> {
            Optional<ApiKey> key = known != null ? known : apiKeys.authenticate(secret);
            keys.put(hash, key);
            key.ifPresent(k -> recordUse(k.id()));
            return key.map(k -> new Exchanged(k, mint(k)));
        }, false);
    }

    /** Forgets a revoked key and its token in this instance. */
    void forget(@Observes ApiKeys.Revoked revoked) {
        UUID id = revoked.id();
        tokens.invalidate(id);
        keys.asMap().values().removeIf(key -> key.isPresent() && key.get().id().equals(id));
    }

    /** Records the key's use in the database, off the request's path, once a minute per key per instance. */
    private void recordUse(UUID id) {
        if (lastRecorded.asMap().putIfAbsent(id, Instant.now()) == null) {
            vertx.executeBlocking(() -> {
                apiKeys.used(id);
                return null;
            }, false).onFailure(failure -> lastRecorded.invalidate(id));
        }
    }

    private String mint(ApiKey key) {
        // Tokens live on the system clock (the services check exp against it); a key's expiry is on the suite's
        // clock, which GRASSROOTS_CLOCK_OFFSET may move: the token gets what is left of the key's life.
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        if (key.expiresAt() != null) {
            Instant keyEnds = now.plus(java.time.Duration.between(apiKeys.now().toInstant(), key.expiresAt().toInstant()));
            if (keyEnds.isBefore(expires)) {
                expires = keyEnds;
            }
        }
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
