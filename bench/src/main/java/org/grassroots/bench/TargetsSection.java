package org.grassroots.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.grassroots.bench.ReportNumbers.count;
import static org.grassroots.bench.ReportNumbers.mb;
import static org.grassroots.bench.ReportNumbers.ms;
import static org.grassroots.bench.ReportNumbers.plain;
import static org.grassroots.bench.ReportNumbers.ratio;
import static org.grassroots.bench.ReportNumbers.seconds;
import static org.grassroots.bench.ReportNumbers.signedMs;
import static org.grassroots.bench.ReportTargets.GATEWAY_ADDED_P50_MS;
import static org.grassroots.bench.ReportTargets.GATEWAY_THROUGHPUT_RATIO;
import static org.grassroots.bench.ReportTargets.IMPORT_ROWS_PER_SECOND;
import static org.grassroots.bench.ReportTargets.LIGHT;
import static org.grassroots.bench.ReportTargets.PROPAGATION_P99_MS;
import static org.grassroots.bench.ReportTargets.READY_SECONDS;
import static org.grassroots.bench.ReportTargets.RESIDENT_MB;
import static org.grassroots.bench.ReportTargets.SATURATION;
import static org.grassroots.bench.ReportTargets.SEARCH_P99_MS;
import static org.grassroots.bench.ReportTargets.WEBHOOK_P99_MS;
import static org.grassroots.bench.ReportTargets.atLeast;
import static org.grassroots.bench.ReportTargets.atMost;

/**
 * The report's "Targets" section: every target in one table, how many were met and which one was missed by the
 * most, so a reader sees the verdict before the detailed sections. Parts that failed have no row.
 */
final class TargetsSection {

    /** One target: {@code factor} is how far the result is from it, above 1 when missed (e.g. 1.5: 50% off). */
    private record Target(String what, String target, String result, String verdict, double factor) {
    }

    private TargetsSection() {
    }

    static void write(StringBuilder md, PerformanceReport.Figures f) {
        List<Target> targets = targets(f);
        long missed = targets.stream().filter(t -> t.factor() > 1).count();
        md.append("## Targets\n\n").append(targets.size() - missed).append(" of ").append(targets.size())
                .append(" met.");
        targets.stream().filter(t -> Double.isFinite(t.factor()) && t.factor() > 1)
                .max(Comparator.comparingDouble(Target::factor))
                .ifPresent(t -> md.append(" Furthest from its target: ").append(t.what()).append(" (")
                        .append(t.result()).append(" against ").append(t.target()).append(", a factor of ")
                        .append(String.format(Locale.ROOT, "%.1f", t.factor())).append(")."));
        md.append("\n\n| measurement | target | result | verdict |\n|---|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.what()).append(" | ").append(t.target()).append(" | ").append(t.result())
                    .append(" | ").append(t.verdict()).append(" |\n");
        }
        md.append('\n');
    }

    private static List<Target> targets(PerformanceReport.Figures f) {
        List<Target> targets = new ArrayList<>();
        if (f.loads != null) {
            gateway(f, targets);
        }
        if (f.propagation != null) {
            for (String service : List.of("events", "elections")) {
                double p99 = ("events".equals(service) ? f.propagation.toEvents() : f.propagation.toElections()).p99();
                targets.add(new Target("propagation p99, members-service write to " + service
                        + "-service projection", "< " + plain(PROPAGATION_P99_MS) + " ms", ms(p99),
                        atMost(p99, PROPAGATION_P99_MS, " ms"), p99 / PROPAGATION_P99_MS));
            }
        }
        if (f.webhooks != null) {
            for (WebhookDeliveryBenchmark.Run r : f.webhooks.runs()) {
                double p99 = r.delivered() < r.expected() ? Double.POSITIVE_INFINITY : r.latencies().p99();
                targets.add(new Target("webhooks: commit-to-delivery p99, " + WebhookDeliveryBenchmark.ENDPOINTS
                        + " endpoints, " + r.eventsPerSecond() + " events/s, each to " + r.fanOut(),
                        "< " + plain(WEBHOOK_P99_MS) + " ms", r.delivered() < r.expected()
                        ? count(r.delivered()) + " of " + count(r.expected()) + " delivered" : ms(p99),
                        atMost(p99, WEBHOOK_P99_MS, " ms"), p99 / WEBHOOK_P99_MS));
            }
        }
        if (f.memberImport != null) {
            double rate = f.memberImport.rows() / f.memberImport.first().published();
            targets.add(new Target("member import, " + count(f.memberImport.rows())
                    + " new people, until every event is published", ">= " + count(IMPORT_ROWS_PER_SECOND)
                    + " rows/s", count(rate) + " rows/s", atLeast(rate, IMPORT_ROWS_PER_SECOND, " rows/s"),
                    IMPORT_ROWS_PER_SECOND / rate));
        }
        if (f.search != null) {
            double p99 = f.search.allService().p99();
            targets.add(new Target("public event search p99 in events-service, all searches, "
                    + count(f.search.events()) + " events", "< " + plain(SEARCH_P99_MS) + " ms", ms(p99),
                    atMost(p99, SEARCH_P99_MS, " ms"), p99 / SEARCH_P99_MS));
        }
        for (Map.Entry<String, Double> ready : f.readyAlone.entrySet()) {
            targets.add(new Target("time to ready, " + ready.getKey() + " (started alone)",
                    "< " + plain(READY_SECONDS) + " s", seconds(ready.getValue()),
                    atMost(ready.getValue(), READY_SECONDS, " s"), ready.getValue() / READY_SECONDS));
        }
        if (f.memoryAtEnd != null) {
            f.memoryAtEnd.forEach((part, memory) -> targets.add(new Target("resident memory, " + part
                    + ", peak over the run", "< " + plain(RESIDENT_MB) + " MB", mb(memory.peakMb()),
                    atMost(memory.peakMb(), RESIDENT_MB, " MB"), memory.peakMb() / RESIDENT_MB)));
        }
        return targets;
    }

    /** The gateway's two targets: added latency at the light load, then throughput at saturation. */
    private static void gateway(PerformanceReport.Figures f, List<Target> targets) {
        for (String operation : LoadPair.operations(f)) {
            LoadPair.of(f, operation, LIGHT).ifPresent(p -> targets.add(new Target("gateway: added p50, " + LIGHT
                    + " connections, " + operation, "<= " + plain(GATEWAY_ADDED_P50_MS) + " ms",
                    signedMs(p.addedP50()), atMost(p.addedP50(), GATEWAY_ADDED_P50_MS, " ms"),
                    p.addedP50() / GATEWAY_ADDED_P50_MS)));
        }
        for (String operation : LoadPair.operations(f)) {
            LoadPair.of(f, operation, SATURATION).ifPresent(p -> targets.add(new Target("gateway: throughput / "
                    + "direct, " + SATURATION + " connections, " + operation, ">= " + GATEWAY_THROUGHPUT_RATIO,
                    ratio(p.ratio()), atLeast(p.ratio(), GATEWAY_THROUGHPUT_RATIO, ""),
                    GATEWAY_THROUGHPUT_RATIO / p.ratio())));
        }
    }
}
