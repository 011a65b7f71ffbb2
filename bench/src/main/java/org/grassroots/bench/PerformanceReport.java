package org.grassroots.bench;

import org.grassroots.devstack.Devstack;
import org.grassroots.devstack.DevstackOptions;
import org.grassroots.platform.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every measurement of the performance report in one run of one freshly started suite, then
 * {@code docs/performance.md} and its chart ({@code docs/performance-latency.png}) written from the results:
 * time to ready, reads and writes per service direct and through the gateway with the framework's no-op endpoint as
 * the reference, propagation between services with Kafka alone as the reference, public event search, member
 * import with PostgreSQL COPY as the reference, resident memory. Started by {@code ./bench/run-all [--quick]}.
 *
 * <p>Order matters on a shared 2-core machine: restarts before any load (so a JVM's start is timed on an idle
 * suite); the search while the events table holds only its 20,000 events and the demo data (the write load adds
 * drafts); the HTTP load; propagation one write at a time; and the import, which leaves the most work behind,
 * last. A measurement that fails is reported as failed and the run goes on.
 */
public final class PerformanceReport {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceReport.class);

    /** Sizes and durations of one run. */
    record Sizes(ServiceLoadBenchmark.Plan plan, int propagationWrites, int searchEvents, int searchWarmUp,
                 int searchPerKind, int importRows, Duration webhookRun) {

        static final Sizes FULL = new Sizes(new ServiceLoadBenchmark.Plan(new int[] {4, 50}, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2), 300, 20_000, 500, 1_000, 100_000, Duration.ofSeconds(20));
        static final Sizes QUICK = new Sizes(new ServiceLoadBenchmark.Plan(new int[] {4, 50}, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1), 40, 2_000, 30, 60, 5_000, Duration.ofSeconds(3));
        /** Webhooks: member writes per second, and how many of the 100 endpoints receive each (side by side). */
        static final int WEBHOOK_EVENTS_PER_SECOND = 200;
        static final int[] WEBHOOK_FAN_OUTS = {1, 10};
    }

    /** What one run measured; a part is null when it failed (its error is in {@code failures}). */
    static final class Figures {
        Instant started;
        Instant finished;
        boolean quick;
        String command;
        String commit;
        Sizes sizes;
        Machine machine;
        String loadAverageAfter;
        double suiteStartSeconds;
        Map<String, Double> readyTogether;
        Map<String, Double> readyAlone = new LinkedHashMap<>();
        Map<String, SuiteProcesses.Memory> memoryIdle;
        Map<String, SuiteProcesses.Memory> memoryAfterLoad;
        Map<String, SuiteProcesses.Memory> memoryAtEnd;
        List<LoadResult> loads;
        PropagationBenchmark.Result propagation;
        WebhookDeliveryBenchmark.Result webhooks;
        EventSearchBenchmark.Result search;
        MemberImportBenchmark.Result memberImport;
        final Map<String, String> failures = new LinkedHashMap<>();
    }

    private interface Step {
        void run() throws Exception;
    }

    private PerformanceReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        Figures figures = new Figures();
        figures.quick = quick;
        figures.sizes = quick ? Sizes.QUICK : Sizes.FULL;
        figures.command = System.getProperty("bench.command", "./bench/run-all" + (quick ? " --quick" : ""));
        figures.commit = GitDescription.describe(root);
        figures.machine = Machine.describe();
        figures.started = Instant.now();

        DevstackOptions options = new DevstackOptions(root, root.resolve("bench/target/devstack-report"), true,
                BenchPorts.freeBasePort(), FreePorts.next(), FreePorts.next());
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", options.gatewayPort());
        for (String service : Devstack.SERVICES) {
            ports.put(service + "-service", options.servicePort(service));
        }
        long start = System.nanoTime();
        try (SuiteProcesses.ReadinessWatch watch = new SuiteProcesses.ReadinessWatch(ports);
             Devstack stack = Devstack.start(options)) {
            figures.suiteStartSeconds = (System.nanoTime() - start) / 1e9;
            figures.readyTogether = watch.secondsToReady(stack);
            SuiteClient client = new SuiteClient(stack);
            Sizes sizes = figures.sizes;

            step(figures, "time to ready (restarts)", () -> {
                for (String part : SuiteProcesses.PARTS) {
                    Duration ready = stack.restart(part);
                    figures.readyAlone.put(part, ready.toMillis() / 1000.0);
                    LOG.info(String.format(Locale.ROOT, "[bench] %s restarted alone: ready in %.2f s", part, ready.toMillis() / 1000.0));
                }
                Thread.sleep(2_000);
                figures.memoryIdle = SuiteProcesses.memory(stack);
            });
            step(figures, "event search", () -> {
                figures.search = EventSearchBenchmark.run(stack, sizes.searchEvents(), sizes.searchWarmUp(),
                        sizes.searchPerKind());
                LOG.info(String.format(Locale.ROOT, "[bench] event search, all searches p50/p99: %.1f/%.1f ms",
                        figures.search.allService().p50(), figures.search.allService().p99()));
            });
            step(figures, "reads and writes", () -> figures.loads = ServiceLoadBenchmark.measure(stack, client,
                    ServiceLoadBenchmark.operations(stack, client), sizes.plan(), true));
            step(figures, "memory after the load", () -> figures.memoryAfterLoad = SuiteProcesses.memory(stack));
            step(figures, "propagation", () -> {
                figures.propagation = PropagationBenchmark.run(stack, client, sizes.propagationWrites());
                LOG.info(String.format(Locale.ROOT, "[bench] propagation p50/p99: events %.1f/%.1f ms, elections %.1f/%.1f ms, "
                                + "Kafka alone %.1f/%.1f ms", figures.propagation.toEvents().p50(),
                        figures.propagation.toEvents().p99(), figures.propagation.toElections().p50(),
                        figures.propagation.toElections().p99(), figures.propagation.kafkaAlone().p50(),
                        figures.propagation.kafkaAlone().p99()));
            });
            step(figures, "webhook deliveries", () -> {
                figures.webhooks = WebhookDeliveryBenchmark.run(stack, client, Sizes.WEBHOOK_EVENTS_PER_SECOND,
                        sizes.webhookRun(), Sizes.WEBHOOK_FAN_OUTS);
                figures.webhooks.runs().forEach(r -> LOG.info("[bench] " + r.summary()));
            });
            step(figures, "member import", () -> {
                figures.memberImport = MemberImportBenchmark.run(stack, sizes.importRows(),
                        MemberImportBenchmark.warmUpRows(sizes.importRows()), false);
                LOG.info(String.format(Locale.ROOT, "[bench] member import: %,.0f rows/s (job), %,.0f rows/s (events published)",
                        sizes.importRows() / figures.memberImport.first().imported(),
                        sizes.importRows() / figures.memberImport.first().published()));
            });
            step(figures, "memory at the end", () -> figures.memoryAtEnd = SuiteProcesses.memory(stack));
            figures.finished = Instant.now();
            figures.loadAverageAfter = Machine.currentLoadAverage();
        }

        Path docs = root.resolve("docs");
        Files.createDirectories(docs);
        Path chart = docs.resolve("performance-latency.png");
        try {
            LatencyChart.write("Latency per operation (" + DateTimeFormatter.ISO_LOCAL_DATE.format(
                    figures.started.atOffset(ZoneOffset.UTC)) + (quick ? ", --quick smoke run" : "") + ")",
                    LatencyChartData.panels(figures), chart);
        } catch (Exception | Error e) { // e.g. no fonts on a bare machine: the tables still get written
            figures.failures.put("chart", e.toString());
        }
        Path notes = root.resolve("bench/performance-notes.md");
        String markdown = ReportWriter.markdown(figures, Files.exists(notes) ? Files.readString(notes) : "");
        Files.writeString(docs.resolve("performance.md"), markdown);
        LOG.info("[bench] wrote " + docs.resolve("performance.md") + " and " + chart + " in "
                + Duration.between(figures.started, Instant.now()).toSeconds() + " s");
        if (!figures.failures.isEmpty()) {
            LOG.info("[bench] failed parts: " + figures.failures);
        }
    }

    private static void step(Figures figures, String name, Step step) {
        LOG.info("[bench] " + name + " ...");
        try {
            step.run();
        } catch (Exception e) {
            LOG.error("[bench] " + name + " failed; the report lists it and the run goes on", e);
            figures.failures.put(name, e.toString());
        }
    }
}
