package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grassroots.testing.contract.ContractCheckedHttpClient;
import org.grassroots.testing.contract.OpenApiContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The suite's one HTTP surface, as clients see it. Every request is counted in the report under a kind, and
 * every answer is validated against the served OpenAPI document (see {@link OpenApiContract}).
 * HTTP/1.1 as browsers and integrations use it (see DevstackIT: cleartext HTTP/2 upgrades broke on large bodies).
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String id() {
            return response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .orElseGet(() -> json().path("id").asText());
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private volatile String url;
    private final Report report;
    private final OpenApiContract contract;
    private final HttpClient http;

    Gateway(String url, Report report, OpenApiContract contract) {
        this.url = url;
        this.report = report;
        this.contract = contract;
        this.http = newClient();
    }

    OpenApiContract contract() {
        return contract;
    }

    private HttpClient newClient() {
        return new ContractCheckedHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), contract);
    }

    void url(String newUrl) {
        this.url = newUrl;
    }

    Answer get(String kind, String path, String token) {
        return send(kind, "GET", path, token, null, null, Map.of());
    }

    Answer post(String kind, String path, String token, String json) {
        return send(kind, "POST", path, token, "application/json", json, Map.of());
    }

    Answer put(String kind, String path, String token, String json) {
        return send(kind, "PUT", path, token, json == null ? null : "application/json", json, Map.of());
    }

    /** Any request; a null content type sends no body. Never throws for an HTTP status. */
    Answer send(String kind, String method, String path, String token, String contentType, String body,
                Map<String, String> headers) {
        return send(kind, method, path, token, contentType, body, headers, false);
    }

    /** The same on a connection of its own (a retry after the server closed a kept-alive one). */
    Answer sendOnFreshConnection(String kind, String method, String path, String token, String contentType,
                                 String body, Map<String, String> headers) {
        return send(kind, method, path, token, contentType, body, headers, true);
    }

    private Answer send(String kind, String method, String path, String token, String contentType, String body,
                        Map<String, String> headers, boolean fresh) {
        boolean expectContinue = headers.containsKey("Expect");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(expectContinue ? 10 : 30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach((name, value) -> {
            if (name.equals("Expect")) {
                request.expectContinue(true); // the JDK client sets the header itself
            } else {
                request.header(name, value);
            }
        });
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        // A request refused before its body is read leaves its connection closed by the server: send such
        // requests on a connection of their own, so the refusal cannot break the next request on a reused one.
        HttpClient client = expectContinue || fresh ? newClient() : http;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            report.request(kind, response.statusCode());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            report.request(kind, 0);
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (client != http) {
                client.close();
            }
        }
    }

    /** Fails with the method, path and answer unless the status is the expected one. */
    static Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
