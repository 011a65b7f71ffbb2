package org.grassroots.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem the gateway answers itself (the services answer theirs), with any headers that go with it
 * ({@code WWW-Authenticate}, {@code Retry-After}, rate-limit headers).
 */
public record GatewayProblem(int status, String type, String title, String detail, Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static GatewayProblem of(int status, String type, String title, String detail) {
        return new GatewayProblem(status, type, title, detail, Map.of());
    }

    public static GatewayProblem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Unauthenticated", detail).with("WWW-Authenticate", "Bearer");
    }

    public static GatewayProblem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public GatewayProblem with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new GatewayProblem(status, type, title, detail, more);
    }

    /** Answers with this problem unless the answer has started, in which case the connection is reset. */
    public void send(RoutingContext rc, String requestId) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.reset(); // the answer had started: the client sees a broken response, not a wrong one
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
        headers.forEach(response::putHeader);
        if (requestId != null) {
            response.putHeader("X-Request-Id", requestId);
        }
        response.end(new JsonObject()
                .put("type", "https://grassroots.dev/problems/" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.request().path())
                .encode());
    }
}
