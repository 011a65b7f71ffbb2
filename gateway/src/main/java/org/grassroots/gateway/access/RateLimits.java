package org.grassroots.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.gateway.problem.GatewayProblem;
import org.grassroots.gateway.routing.GatewayConfig;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Rate limits per API key and, for every other request, per client address: a token bucket each, held in memory
 * by this gateway instance (with N instances a client gets up to N times the limit). Answers carry
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is
 * full); a refusal is a 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

    /** A decision: the headers to send, and the refusal if the request is over its limit. */
    public record Decision(Map<String, String> headers, GatewayProblem refusal) {
    }

    private final Cache<String, TokenBucket> buckets;
    private final GatewayConfig.RateLimit perKey;
    private final GatewayConfig.RateLimit perAddress;

    @Inject
    public RateLimits(GatewayConfig config) {
        perKey = config.rateLimit().perKey();
        perAddress = config.rateLimit().perAddress();
        Duration idle = perKey.period().compareTo(perAddress.period()) > 0 ? perKey.period() : perAddress.period();
        // A bucket idle for a whole period is full again: forgetting it changes nothing.
        buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
    }

    public Decision forKey(UUID keyId) {
        return take("key:" + keyId, perKey, "this API key");
    }

    public Decision forAddress(String address) {
        return take("address:" + address, perAddress, "your address");
    }

    private Decision take(String id, GatewayConfig.RateLimit limit, String whose) {
        if (limit.capacity() <= 0) {
            return new Decision(Map.of(), null);
        }
        long now = System.nanoTime();
        TokenBucket.Take take = buckets.get(id, k -> new TokenBucket(limit.capacity(), limit.period().toNanos(), now))
                .take(now);
        Map<String, String> headers = Map.of(
                "RateLimit-Limit", Long.toString(limit.capacity()),
                "RateLimit-Remaining", Long.toString(take.remaining()),
                "RateLimit-Reset", Long.toString(take.secondsUntilFull()));
        if (take.allowed()) {
            return new Decision(headers, null);
        }
        GatewayProblem refusal = new GatewayProblem(429, "rate-limited", "Too many requests",
                "The rate limit for " + whose + " (" + limit.capacity() + " requests per " + limit.period().toSeconds()
                        + " s) is used up; retry after " + take.secondsUntilNext() + " s", headers)
                .with("Retry-After", Long.toString(take.secondsUntilNext()));
        return new Decision(headers, refusal);
    }
}
