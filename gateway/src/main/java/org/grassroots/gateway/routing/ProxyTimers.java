package org.grassroots.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service's request timers ({@code grassroots.gateway.requests}), per method and status class (5xx includes
 * the gateway's own 503/504). Registered once and then looked up: building and registering a timer on every
 * request (tags sorted, a meter id hashed) costs more than recording into it.
 */
final class ProxyTimers {

    private final MeterRegistry meters;
    private final String service;
    /** Per method, the timers of status classes 1xx to 5xx (index 1 to 5), registered on first use. */
    private final Map<HttpMethod, Timer[]> timers = new ConcurrentHashMap<>();

    ProxyTimers(MeterRegistry meters, String service) {
        this.meters = meters;
        this.service = service;
    }

    Timer of(HttpMethod method, int status) {
        int statusClass = Math.clamp(status / 100, 1, 5);
        Timer[] byClass = timers.computeIfAbsent(method, m -> new Timer[6]);
        Timer timer = byClass[statusClass];
        if (timer == null) {
            // A race registers the same timer twice: the registry returns the one it has.
            timer = Timer.builder("grassroots.gateway.requests")
                    .description("Requests proxied by the gateway")
                    .tag("service", service)
                    .tag("method", method.name())
                    .tag("status", statusClass + "xx")
                    .register(meters);
            byClass[statusClass] = timer;
        }
        return timer;
    }
}
