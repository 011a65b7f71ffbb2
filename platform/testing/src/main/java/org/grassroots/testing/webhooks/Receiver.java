package org.grassroots.testing.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A real HTTP receiver for deliveries (the JDK's server on a free loopback port, answering requests concurrently):
 * it records every request's headers, body and arrival (real time, nanoseconds), and answers with the status and
 * body it is told to: scripted statuses first ({@link #answersInTurn}), then the standing answer.
 */
public final class Receiver implements AutoCloseable {

    /** A request as it arrived: the headers (names as the server gives them), the raw body, when. */
    public record Received(Map<String, List<String>> headers, String body, long arrivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>("ok");
    private final AtomicReference<String> location = new AtomicReference<>();
    private final AtomicReference<String> retryAfter = new AtomicReference<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final Deque<Integer> scripted = new ArrayDeque<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The answer is chosen before the request is recorded: a test that changes the answer once it sees a
            // request then never changes this request's answer.
            Integer next;
            synchronized (scripted) {
                next = scripted.pollFirst();
            }
            int answerStatus = next != null ? next : status.get();
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            String redirect = location.get();
            String wait = retryAfter.get();
            Duration pause = delay.get();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), arrived));
            sleep(pause);
            if (redirect != null) {
                exchange.getResponseHeaders().add("Location", redirect);
            }
            if (wait != null) {
                exchange.getResponseHeaders().add("Retry-After", wait);
            }
            exchange.sendResponseHeaders(answerStatus, out.length == 0 ? -1 : out.length);
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

    /** The next requests are answered with these statuses, in turn; then the standing answer again. */
    public Receiver answersInTurn(int... statuses) {
        synchronized (scripted) {
            for (int s : statuses) {
                scripted.addLast(s);
            }
        }
        return this;
    }

    public Receiver redirectsTo(String url) {
        location.set(url);
        return answers(302, "");
    }

    /** Every answer carries this {@code Retry-After}. */
    public Receiver asksToRetryAfter(String value) {
        retryAfter.set(value);
        return this;
    }

    /** Every answer waits this long first. */
    public Receiver answersAfter(Duration wait) {
        delay.set(wait);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests whose body contains {@code text} (e.g. a test's own member id). */
    public List<Received> receivedAbout(String text) {
        Predicate<Received> about = r -> r.body().contains(text);
        return received.stream().filter(about).toList();
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
            threads.shutdownNow();
        }
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
