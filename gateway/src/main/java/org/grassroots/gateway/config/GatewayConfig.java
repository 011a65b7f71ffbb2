package org.grassroots.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the services are and which path prefixes each owns. */
@ConfigMapping(prefix = "grassroots.gateway")
public interface GatewayConfig {

    Map<String, Upstream> services();

    Duration upstreamTimeout();

    Duration connectTimeout();

    int maxConnectionsPerService();

    /** Requests that may wait for a connection to one service; more are refused at once (503). */
    @WithDefault("500")
    int maxWaitingPerService();

    CircuitBreakerSettings circuitBreaker();

    interface CircuitBreakerSettings {
        /** Consecutive failures (unreachable, timeout, 502/503/504) that open a service's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses before letting a probe through. */
        @WithDefault("PT5S")
        Duration openDuration();
    }

    ApiKeys apiKeys();

    RateLimits rateLimit();

    interface RateLimits {
        RateLimit perKey();

        RateLimit perAddress();

        /** {@code POST /signups} per client address, on top of the address's limit: a public form invites abuse. */
        RateLimit signups();
    }

    /** {@code capacity} requests at once, refilled at {@code capacity} per {@code period}; 0 turns it off. */
    interface RateLimit {
        long capacity();

        Duration period();
    }

    interface ApiKeys {
        /** How long a key (or an unknown secret) is remembered: revocation reaches other instances within this. */
        @WithDefault("PT10S")
        Duration cacheTtl();

        /** The lifetime of the JWT minted for a key. */
        @WithDefault("PT5M")
        Duration tokenLifetime();

        /** The {@code kid} of the gateway's signing key in the services' JWKS. */
        @WithDefault("grassroots-gateway")
        String signingKeyId();
    }

    interface Upstream {
        URI url();

        List<String> prefixes();
    }
}
