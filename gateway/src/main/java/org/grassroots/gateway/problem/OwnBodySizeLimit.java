package org.grassroots.gateway.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's own endpoints ({@code /api-keys}) refuse a body declared over {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before reading it; Vert.x's own refusal has an empty body. Proxied requests stream through
 * and the service answers their size.
 */
@ApplicationScoped
public class OwnBodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route("/api-keys*").order(Integer.MIN_VALUE).handler(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, limit.asLongValue())) {
                GatewayProblem.of(413, "content-too-large", "Content too large",
                                "The request body is over the limit of " + limit.asLongValue() + " bytes")
                        .with("Connection", "close").send(rc, null);
                return;
            }
            rc.next();
        });
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
