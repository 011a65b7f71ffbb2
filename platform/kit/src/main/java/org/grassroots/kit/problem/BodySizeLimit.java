package org.grassroots.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit with a 413 problem before any of it is read (Vert.x's
 * own limit, {@code quarkus.http.limits.max-body-size}, answers with an empty body; this one speaks
 * problem+json). CSV uploads get a larger limit than JSON.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "grassroots.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "grassroots.http.max-csv-body-size", defaultValue = "20M")
    MemorySize maxCsvBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            long limit = (type != null && type.startsWith("text/csv") ? maxCsvBodySize : maxBodySize).asLongValue();
            if (declared != null && isOver(declared, limit)) {
                String body = """
                        {"type":"%s","title":"Content too large","status":413,"detail":"The request body is over the limit of %d bytes"}"""
                        .formatted(Problem.type("content-too-large"), limit);
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
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
