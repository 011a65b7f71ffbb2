package org.grassroots.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grassroots.gateway.routing.GatewayConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Verifies bearer JWTs with smallrye-jwt against the configured issuer and public key / JWKS (the same settings
 * the services use). A verified token is remembered by its SHA-256 until it expires, in a bounded cache, so a
 * client's repeated requests cost a hash, not a signature check. Only valid tokens are cached: a forged one is
 * checked every time (and is what rate limiting is for).
 */
@ApplicationScoped
public class BearerTokens {

    private final Cache<String, Instant> verified;

    @Inject
    JWTParser parser;

    @Inject
    Vertx vertx;

    @Inject
    public BearerTokens(GatewayConfig config) {
        verified = Caffeine.newBuilder()
                .maximumSize(config.tokenCacheSize())
                // A token accepted within the clock skew may be past its exp already: not cached, then.
                .expireAfter(Expiry.<String, Instant>creating((hash, expires) -> {
                    Duration left = Duration.between(Instant.now(), expires);
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    /** @return whether {@code token} is a valid, unexpired token from the trusted issuer */
    public Future<Boolean> verify(String token) {
        String hash = sha256(token);
        Instant expires = verified.getIfPresent(hash);
        if (expires != null && expires.isAfter(Instant.now())) {
            return Future.succeededFuture(true);
        }
        // Off the event loop: the first use of a JWKS location fetches it.
        return vertx.executeBlocking(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                verified.put(hash, Instant.ofEpochSecond(jwt.getExpirationTime()));
                return true;
            } catch (ParseException invalid) {
                return false;
            }
        }, false);
    }

    static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
