package org.grassroots.gateway.rest;

import java.util.Map;
import java.util.UUID;

/** A client error in a request to the gateway's own endpoints, answered as problem+json by {@link ProblemMappers}. */
public class GatewayRequestProblem extends RuntimeException {

    final int status;
    final String type;
    final String title;
    final Map<String, String> errors;

    GatewayRequestProblem(int status, String type, String title, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    static GatewayRequestProblem invalid(Map<String, String> errors) {
        String detail = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new GatewayRequestProblem(400, "validation", "Invalid request", detail,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors)));
    }

    static GatewayRequestProblem notFound(UUID id) {
        return new GatewayRequestProblem(404, "not-found", "Not found", "No API key " + id, Map.of());
    }
}
