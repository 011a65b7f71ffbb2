package org.grassroots.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.grassroots.bench.ReportTargets.LIGHT;

/**
 * What docs/performance-latency.png shows, from the same figures as the report: one panel per HTTP load (p50 and
 * p99, direct and gateway, the no-op reference last), then one panel of the one-request-at-a-time latencies.
 */
final class LatencyChartData {

    private LatencyChartData() {
    }

    static List<LatencyChart.Panel> panels(PerformanceReport.Figures f) {
        List<LatencyChart.Panel> panels = new ArrayList<>();
        if (f.loads != null) {
            for (int connections : f.sizes.plan().loads()) {
                panels.add(httpPanel(f, connections));
            }
        }
        List<LatencyChart.Group> other = new ArrayList<>();
        if (f.propagation != null) {
            other.add(single("propagation: members -> events projection", f.propagation.toEvents()));
            other.add(single("propagation: members -> elections projection", f.propagation.toElections()));
            other.add(single("reference: Kafka alone, producer -> consumer", f.propagation.kafkaAlone()));
        }
        if (f.search != null) {
            other.add(single("event search, all searches (events-service)", f.search.allService()));
            f.search.searches().stream().max(Comparator.comparingDouble(s -> s.service().p99()))
                    .ifPresent(s -> other.add(single("event search, slowest: " + s.kind(), s.service())));
        }
        if (!other.isEmpty()) {
            panels.add(new LatencyChart.Panel("Propagation and search (one request at a time)", other));
        }
        return panels;
    }

    private static LatencyChart.Panel httpPanel(PerformanceReport.Figures f, int connections) {
        List<LatencyChart.Group> groups = new ArrayList<>();
        for (String operation : LoadPair.operations(f)) {
            LoadPair.of(f, operation, connections).ifPresent(p -> groups.add(new LatencyChart.Group(operation, List.of(
                    new LatencyChart.Bar("direct p50", p.direct().p50()),
                    new LatencyChart.Bar("gateway p50", p.gateway().p50()),
                    new LatencyChart.Bar("direct p99", p.direct().p99()),
                    new LatencyChart.Bar("gateway p99", p.gateway().p99())))));
        }
        LoadPair.reference(f, connections).ifPresent(r -> groups.add(new LatencyChart.Group(r.operation(), List.of(
                new LatencyChart.Bar("direct p50", r.p50()),
                new LatencyChart.Bar("direct p99", r.p99())))));
        return new LatencyChart.Panel("HTTP, " + connections + " connections"
                + (connections == LIGHT ? " (light load)" : " (saturation)"), groups);
    }

    private static LatencyChart.Group single(String label, Latencies l) {
        return new LatencyChart.Group(label, List.of(new LatencyChart.Bar("p50", l.p50()),
                new LatencyChart.Bar("p99", l.p99())));
    }
}
