package org.grassroots.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * smallrye-jwt's token verification with a memory: a bearer token that verified (signature, issuer, expiry) is
 * remembered, by its exact text, until it expires, at most {@code grassroots.security.token-cache.max-age}, so a
 * client's repeated requests cost a map lookup instead of an RSA signature check and a JSON parse each.
 *
 * <p>Only successes are remembered: a forged, malformed or expired token is verified (and refused) every time. An
 * entry never outlives the token's {@code exp} (nor {@code iat} + {@code smallrye.jwt.time-to-live} when that is
 * set), so an expired token is refused exactly as without the cache; the max age bounds how long a token signed by
 * a key that has since left the JWKS keeps passing. Replaces the default factory (the Quarkus-documented way to
 * customise smallrye-jwt's verification), for every service that uses the kit.
 */
@Singleton
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** A verified token's principal, for the verification settings it was checked against, valid until then. */
    private record Verified(JWTAuthContextInfo settings, JWTCallerPrincipal principal, long untilMillis) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, Verified> verified;
    private final long maxAgeMillis;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "grassroots.security.token-cache.size", defaultValue = "2000") int size,
                          @ConfigProperty(name = "grassroots.security.token-cache.max-age", defaultValue = "PT5M")
                          Duration maxAge) {
        maxAgeMillis = maxAge.toMillis();
        verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(Expiry.<String, Verified>creating((token, entry) ->
                        Duration.ofMillis(Math.max(0, entry.untilMillis() - System.currentTimeMillis()))))
                .build();
    }

    /** Whether this token verified against these settings and is still valid: a lookup, no signature check. */
    public boolean remembers(String token, JWTAuthContextInfo settings) {
        return remembered(token, settings) != null;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        JWTCallerPrincipal known = remembered(token, settings);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, settings);
        long until = until(principal, settings);
        if (until > System.currentTimeMillis()) {
            verified.put(token, new Verified(settings, principal, until));
        }
        return principal;
    }

    private JWTCallerPrincipal remembered(String token, JWTAuthContextInfo settings) {
        Verified known = verified.getIfPresent(token);
        // The same settings object (not merely equal ones): a check against another key or issuer is not this one.
        return known != null && known.settings() == settings && System.currentTimeMillis() < known.untilMillis()
                ? known.principal() : null;
    }

    private long until(JWTCallerPrincipal principal, JWTAuthContextInfo settings) {
        long expires = principal.getExpirationTime();
        if (expires <= 0) {
            return 0; // no exp: not remembered
        }
        long until = Math.min(expires * 1000, System.currentTimeMillis() + maxAgeMillis);
        Long timeToLive = settings.getMaxTimeToLiveSecs();
        if (timeToLive != null && principal.getIssuedAtTime() > 0) {
            until = Math.min(until, (principal.getIssuedAtTime() + timeToLive) * 1000);
        }
        return until;
    }
}
