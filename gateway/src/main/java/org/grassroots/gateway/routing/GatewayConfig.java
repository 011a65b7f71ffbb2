package org.grassroots.gateway.routing;

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

    /** How many verified bearer tokens the gateway remembers (by hash, until they expire). */
    @WithDefault("10000")
    int tokenCacheSize();

    interface Upstream {
        URI url();

        List<String> prefixes();
    }
}
