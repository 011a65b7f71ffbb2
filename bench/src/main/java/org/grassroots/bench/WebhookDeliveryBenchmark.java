package org.grassroots.bench;

import com.sun.net.httpserver.HttpServer;
import org.grassroots.devstack.Devstack;
import org.grassroots.devstack.DevstackOptions;
import org.grassroots.platform.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit-to-delivery: members written to members-service at a steady rate ({@code POST /members}, answered 201, so
 * committed), each {@code member.joined} delivered by webhooks-service to the endpoints subscribed to it, all on one
 * real HTTP receiver in this process. Latency per delivery: from the write's 201 to the delivery's arrival (both on
 * this JVM's clock). 100 endpoints are registered; {@code fanOut} of them want {@code member.joined}, the others
 * other types (tools subscribe to what they use), so each write makes {@code fanOut} deliveries.
 */
final class WebhookDeliveryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryBenchmark.class);

    static final int ENDPOINTS = 100;
    private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\":\"([0-9a-f-]{36})\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** The other types the remaining endpoints subscribe to, in turn. */
    private static final List<String> OTHER_TYPES = List.of("org.grassroots.event.scheduled.v1",
            "org.grassroots.office-holder.changed-party.v1", "org.grassroots.member.erased.v1",
            "org.grassroots.event.attendance-recorded.v1");

    /** One configuration's figures: deliveries expected and arrived, the latency of each, the write rate reached. */
    record Run(int fanOut, int eventsPerSecond, int writes, int expected, int delivered, double writesPerSecond,
               Latencies latencies) {

        /** One line with the figures, for the log. */
        String summary() {
            return String.format(Locale.ROOT, "webhooks, %d endpoints, fan-out %d, %d writes/s offered (%.0f reached): "
                            + "%d of %d delivered, commit-to-delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms", ENDPOINTS,
                    fanOut, eventsPerSecond, writesPerSecond, delivered, expected, latencies.p50(), latencies.p99(),
                    latencies.percentileMillis(100));
        }
    }

    record Result(List<Run> runs) {
    }

    private WebhookDeliveryBenchmark() {
    }

    /** {@code ./bench/webhook-delivery [seconds]}: this measurement alone, in a freshly started suite. */
    public static void main(String[] args) throws Exception {
        Duration each = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        try (Devstack stack = Devstack.start(new DevstackOptions(root, root.resolve("bench/target/devstack-webhooks"),
                true, BenchPorts.freeBasePort(), FreePorts.next(), FreePorts.next()))) {
            for (Run r : run(stack, new SuiteClient(stack), PerformanceReport.Sizes.WEBHOOK_EVENTS_PER_SECOND, each,
                    PerformanceReport.Sizes.WEBHOOK_FAN_OUTS).runs()) {
                LOG.info("[bench] " + r.summary());
            }
        }
    }

    static Result run(Devstack stack, SuiteClient client, int eventsPerSecond, Duration each, int... fanOuts)
            throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int fanOut : fanOuts) {
            runs.add(measure(stack, client, eventsPerSecond, each, fanOut));
        }
        return new Result(runs);
    }

    private static Run measure(Devstack stack, SuiteClient client, int eventsPerSecond, Duration length, int fanOut)
            throws Exception {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        // Matched to the writes afterwards: a delivery may arrive before its write's answer has been handled.
        record Arrival(String memberId, long nanos) {
        }
        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(32);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher member = MEMBER_ID.matcher(body);
            if (member.find()) {
                arrivals.add(new Arrival(member.group(1), arrived));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/endpoint/";
        List<String> endpoints = new ArrayList<>();
        try {
            for (int i = 0; i < ENDPOINTS; i++) {
                String type = i < fanOut ? "org.grassroots.member.joined.v1" : OTHER_TYPES.get(i % OTHER_TYPES.size());
                endpoints.add(client.post(stack.gatewayUrl() + "/webhook-endpoints", """
                        {"url":"%s%d","eventTypes":["%s"],"description":"benchmark %d"}"""
                        .formatted(base, i, type, i)).path("id").asText());
            }
            int writes = (int) (eventsPerSecond * length.toMillis() / 1000);
            long writing = write(stack, client, committed, eventsPerSecond, writes);
            int expected = committed.size() * fanOut;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (arrivals.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long[] latencies = arrivals.stream().filter(a -> committed.containsKey(a.memberId()))
                    .mapToLong(a -> a.nanos() - committed.get(a.memberId())).toArray();
            return new Run(fanOut, eventsPerSecond, committed.size(), expected, latencies.length,
                    committed.size() / (writing / 1e9), Latencies.of(latencies));
        } finally {
            for (String id : endpoints) { // the next configuration and the import after it get no deliveries
                client.delete(stack.gatewayUrl() + "/webhook-endpoints/" + id);
            }
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /**
     * Open loop: a write starts every 1/rate seconds whatever the earlier ones take (8 connections at most in
     * flight), so a slow suite shows as latency rather than as a lower offered rate. Returns how long it took.
     */
    private static long write(Devstack stack, SuiteClient client, Map<String, Long> committed, int perSecond,
                              int writes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        String run = Long.toString(System.nanoTime(), 36);
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / perSecond;
        var ticks = pacer.scheduleAtFixedRate(() -> {
            int i = started.getAndIncrement();
            if (i >= writes) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.serviceUrl("members") + "/members"))
                    .header("Authorization", client.adminBearer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Webhook\",\"familyName\":\"Probe\","
                            + "\"email\":\"webhook-" + run + "-" + i + "@bench.example.org\"}")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
                long at = System.nanoTime();
                Matcher id = answer == null ? null : ID.matcher(answer.body());
                if (id != null && answer.statusCode() == 201 && id.find()) {
                    committed.put(id.group(1), at);
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, answer == null ? String.valueOf(error)
                            : answer.statusCode() + " " + answer.body());
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (started.get() < writes) {
            Thread.sleep(10);
        }
        ticks.cancel(false);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (committed.size() + failed.get() < writes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long took = System.nanoTime() - start;
        pacer.shutdownNow();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + writes + " member writes failed, the first: "
                    + firstFailure.get());
        }
        return took;
    }
}
