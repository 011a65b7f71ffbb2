package org.grassroots.gateway.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.grassroots.platform.infra.DevTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Real HTTP servers standing in for the four services (they echo what reached them), plus a slow one and an
 * address where nothing listens, so the gateway's routing and failure answers can be tested on their own.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** The request ids every stub has seen: proof that a request did, or did not, reach a service. */
    public static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("grassroots.gateway.services.members.url", "http://localhost:" + echo("members")),
                Map.entry("grassroots.gateway.services.events.url", "http://localhost:" + echo("events")),
                Map.entry("grassroots.gateway.services.elections.url", "http://localhost:" + echo("elections")),
                Map.entry("grassroots.gateway.services.webhooks.url", "http://localhost:" + echo("webhooks")),
                Map.entry("grassroots.gateway.services.slow.url", "http://localhost:" + slow()),
                Map.entry("grassroots.gateway.services.slow.prefixes", "/slow"),
                Map.entry("grassroots.gateway.services.down.url", "http://localhost:" + closedPort()),
                Map.entry("grassroots.gateway.services.down.prefixes", "/down"),
                Map.entry("grassroots.gateway.upstream-timeout", "PT1S"),
                Map.entry("mp.jwt.verify.publickey", DevTokens.publicKeyPem()),
                Map.entry("mp.jwt.verify.issuer", DevTokens.ISSUER),
                Map.entry("smallrye.jwt.sign.key", DevTokens.gatewaySigningKeyPem()),
                Map.entry("quarkus.http.cors.enabled", "true"),
                Map.entry("quarkus.http.cors.origins", "https://app.grassroots.test"));
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private int echo(String name) {
        return serve(exchange -> {
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                SEEN.add(requestId);
            }
            long bodyBytes;
            try (InputStream body = exchange.getRequestBody()) {
                bodyBytes = body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (exchange.getRequestURI().getPath().endsWith("/q/health/ready")) {
                respond(exchange, 200, "{\"status\":\"UP\"}");
                return;
            }
            respond(exchange, 200, """
                    {"service":"%s","method":"%s","uri":"%s","bodyBytes":%d,"requestId":"%s","authorization":"%s","apiKey":"%s","transferEncoding":"%s"}"""
                    .formatted(name, exchange.getRequestMethod(), exchange.getRequestURI(), bodyBytes,
                            exchange.getRequestHeaders().getFirst("X-Request-Id"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("X-API-Key"),
                            exchange.getRequestHeaders().getFirst("Transfer-Encoding")));
        });
    }

    private int slow() {
        return serve(exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{}");
        });
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private int serve(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", handler::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
