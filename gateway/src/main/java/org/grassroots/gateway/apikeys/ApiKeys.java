package org.grassroots.gateway.apikeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Creating, listing and revoking API keys. A secret is 256 random bits, shown once at creation; only its SHA-256
 * is stored (a slow hash buys nothing against a secret this long).
 */
@ApplicationScoped
public class ApiKeys {

    @Inject
    Clock clock;

    /** Marks our keys so secret scanners and people can recognise one. */
    public static final String SECRET_PREFIX = "grk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiKeyStore store;

    /** Revocations, for the caches that must forget a key ({@code ApiKeyExchange}). */
    @Inject
    Event<Revoked> revocations;

    /** A key was revoked in this instance. */
    public record Revoked(UUID id) {
    }

    public record Created(ApiKey key, String secret) {
    }

    /** @param expiresAt when the key stops working, or null for a key that lasts until revoked */
    public Created create(String name, List<Scope> scopes, java.time.OffsetDateTime expiresAt, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey(UUID.randomUUID(), name, secret.substring(0, SECRET_PREFIX.length() + 6),
                List.copyOf(scopes), SuiteClock.timestamp(clock), createdBy, null, expiresAt, null);
        store.insert(key, hash(secret));
        return new Created(key, secret);
    }

    public List<ApiKey> all() {
        return store.all();
    }

    public Optional<ApiKey> find(UUID id) {
        return store.find(id);
    }

    /** Revokes at once in this gateway instance (its caches forget the key); @return whether the key exists */
    public boolean revoke(UUID id, String by) {
        boolean found = store.revoke(id, by, SuiteClock.timestamp(clock));
        revocations.fire(new Revoked(id));
        return found;
    }

    /** The active key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        return store.findActive(hash(secret), SuiteClock.timestamp(clock));
    }

    /** Records a key's use (the exchange calls it at most once a minute per key). */
    public void used(UUID id) {
        store.touch(id, SuiteClock.timestamp(clock));
    }

    public java.time.OffsetDateTime now() {
        return SuiteClock.timestamp(clock);
    }

    /** A secret's SHA-256: what is stored, and what caches are keyed by. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
