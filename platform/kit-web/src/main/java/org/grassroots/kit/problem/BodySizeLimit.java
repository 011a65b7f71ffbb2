package org.grassroots.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses a body whose declared length is over the limit with a 413 problem before any of it is read (Vert.x's
 * own limit, {@code quarkus.http.limits.max-body-size}, answers with an empty body; this one speaks
 * problem+json). CSV uploads get a larger limit than JSON. {@code grassroots.http.body-size-limit.paths} confines
 * it to some paths: the gateway checks only its own endpoints and lets the services answer for what it proxies.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "grassroots.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "grassroots.http.max-csv-body-size", defaultValue = "20M")
    MemorySize maxCsvBodySize;

    /** Vert.x route paths (e.g. {@code /api-keys*}); every path when absent. */
    @ConfigProperty(name = "grassroots.http.body-size-limit.paths")
    Optional<List<String>> paths;

    void install(@Observes Router router) {
        if (paths.isEmpty()) {
            limit(router.route());
        } else {
            paths.get().forEach(path -> limit(router.route(path)));
        }
    }

    private void limit(Route route) {
        route.order(Integer.MIN_VALUE).handler(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            long limit = (type != null && type.startsWith("text/csv") ? maxCsvBodySize : maxBodySize).asLongValue();
            if (declared != null && isOver(declared, limit)) {
                RoutedProblem.of(413, "content-too-large", "Content too large",
                                "The request body is over the limit of " + limit + " bytes")
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
            return false; // Vert.x rejects a malformed Content-Length itself
        }
    }
}
