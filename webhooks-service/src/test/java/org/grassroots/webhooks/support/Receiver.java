package org.grassroots.webhooks.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP receiver for deliveries (the JDK's server on a free loopback port): it records every request's
 * headers and body as received, and answers with the status and body it is told to.
 */
public final class Receiver implements AutoCloseable {

    /** A request as it arrived: the headers (names as the server gives them) and the raw body. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>("ok");
    private final AtomicReference<String> location = new AtomicReference<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            if (location.get() != null) {
                exchange.getResponseHeaders().add("Location", location.get());
            }
            exchange.sendResponseHeaders(status.get(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public Receiver answers(int statusCode, String body) {
        status.set(statusCode);
        answer.set(body);
        return this;
    }

    public Receiver redirectsTo(String url) {
        location.set(url);
        return answers(302, "");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the receiver got nothing");
        }
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
