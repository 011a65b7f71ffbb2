package org.grassroots.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.kit.problem.RoutedProblem;
import org.grassroots.gateway.config.GatewayConfig;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Rate limits per API key and, for every other request, per client address: a token bucket each, held in memory
 * by this gateway instance (with N instances a client gets up to N times the limit). Answers carry the fields of
 * draft-ietf-httpapi-ratelimit-headers-10: {@code RateLimit-Policy: "per-key";q=600;w=60} (the quota per window of
 * seconds) and {@code RateLimit: "per-key";r=599;t=1} (what remains, and the seconds until the bucket is full
 * again); a refusal is a 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

    /** A decision: the headers to send, and the refusal if the request is over its limit. */
    public record Decision(Map<String, String> headers, RoutedProblem refusal) {
    }

    private final Cache<String, TokenBucket> buckets;
    private final GatewayConfig.RateLimit perKey;
    private final GatewayConfig.RateLimit perAddress;
    private final GatewayConfig.RateLimit signups;

    @Inject
    public RateLimits(GatewayConfig config) {
        perKey = config.rateLimit().perKey();
        perAddress = config.rateLimit().perAddress();
        signups = config.rateLimit().signups();
        Duration idle = java.util.stream.Stream.of(perKey.period(), perAddress.period(), signups.period())
                .max(Duration::compareTo).orElseThrow();
        // A bucket idle for a whole period is full again: forgetting it changes nothing.
        buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
    }

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String LIMIT_HEADER = "RateLimit";

    public Decision forKey(UUID keyId) {
        return take("key:" + keyId, "per-key", perKey, "this API key");
    }

    public Decision forAddress(String address) {
        return take("address:" + address, "per-address", perAddress, "your address");
    }

    /** The public join form's own, smaller budget per address. */
    public Decision forSignup(String address) {
        return take("signup:" + address, "signups", signups, "sign-ups from your address");
    }

    private Decision take(String id, String policy, GatewayConfig.RateLimit limit, String whose) {
        if (limit.capacity() <= 0) {
            return new Decision(Map.of(), null);
        }
        long now = System.nanoTime();
        TokenBucket.Take take = buckets.get(id, k -> new TokenBucket(limit.capacity(), limit.period().toNanos(), now))
                .take(now);
        // Structured fields (RFC 9651): the policy's name is a String item, its parameters integers.
        Map<String, String> headers = Map.of(
                POLICY_HEADER, "\"" + policy + "\";q=" + limit.capacity() + ";w=" + limit.period().toSeconds(),
                LIMIT_HEADER, "\"" + policy + "\";r=" + take.remaining() + ";t=" + take.secondsUntilFull());
        if (take.allowed()) {
            return new Decision(headers, null);
        }
        RoutedProblem refusal = RoutedProblem.of(429, "rate-limited", "Too many requests",
                "The rate limit for " + whose + " (" + limit.capacity() + " requests per " + limit.period().toSeconds()
                        + " s) is used up; retry after " + take.secondsUntilNext() + " s")
                .with(headers).with("Retry-After", Long.toString(take.secondsUntilNext()));
        return new Decision(headers, refusal);
    }
}
