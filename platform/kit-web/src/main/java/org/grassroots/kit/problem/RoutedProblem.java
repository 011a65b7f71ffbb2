package org.grassroots.kit.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem answered from a Vert.x route, before JAX-RS is reached (the body-size limit, the gateway's proxy and
 * admission), with the headers that go with it ({@code WWW-Authenticate}, {@code Retry-After}, rate-limit fields).
 */
public record RoutedProblem(Problem problem, Map<String, String> headers) {

    public static RoutedProblem of(int status, String slug, String title, String detail) {
        return new RoutedProblem(Problem.of(status, slug, title, detail), Map.of());
    }

    public static RoutedProblem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Unauthenticated", detail).with("WWW-Authenticate", "Bearer");
    }

    public static RoutedProblem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public RoutedProblem with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new RoutedProblem(problem, more);
    }

    public RoutedProblem with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new RoutedProblem(problem, all);
    }

    public int status() {
        return problem.status();
    }

    /** Answers with this problem unless the answer has started, in which case the connection is reset. */
    public void send(RoutingContext rc, String requestId) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.reset(); // the answer had started: the client sees a broken response, not a wrong one
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        if (requestId != null) {
            response.putHeader("X-Request-Id", requestId);
        }
        JsonObject body = new JsonObject()
                .put("type", problem.type().toString())
                .put("title", problem.title())
                .put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        response.end(body.put("instance", rc.request().path()).encode());
    }
}
