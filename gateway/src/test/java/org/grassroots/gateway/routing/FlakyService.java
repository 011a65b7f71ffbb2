package org.grassroots.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A real HTTP service at /flaky that a test can stop and start again on the same port. */
public class FlakyService implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        up();
        return Map.of("grassroots.gateway.services.flaky.url", "http://localhost:" + port,
                "grassroots.gateway.services.flaky.prefixes", "/flaky");
    }

    @Override
    public void stop() {
        down();
    }

    public static synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/", exchange -> {
                byte[] body = "{\"service\":\"flaky\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
