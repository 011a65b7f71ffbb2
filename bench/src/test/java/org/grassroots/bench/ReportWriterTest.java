package org.grassroots.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins docs/performance.md and the chart's data, byte for byte, for two fixed runs: a full one with every part
 * measured (some targets met, some missed, a busy machine, a failed part) and a --quick one where every part
 * failed. Run with {@code -Dgolden.update=true} to rewrite the golden files after an intended change.
 */
class ReportWriterTest {

    private static final Path GOLDEN = Path.of("src/test/resources/report");
    private static final String NOTES = "# Performance notes\n\n\nThe analysis, by hand.\n\n- one point\n";

    @Test
    void fullRunMarkdownIsUnchanged() throws IOException {
        assertGolden("full-run.md", ReportWriter.markdown(fullRun(), NOTES));
    }

    @Test
    void quickRunWithFailedPartsMarkdownIsUnchanged() throws IOException {
        assertGolden("quick-run.md", ReportWriter.markdown(quickRun(), NOTES));
    }

    @Test
    void chartPanelsAreUnchanged() throws IOException {
        assertGolden("full-run-chart.txt", panels(fullRun()));
        assertGolden("quick-run-chart.txt", panels(quickRun()));
    }

    private static String panels(PerformanceReport.Figures f) {
        return LatencyChartData.panels(f).stream().map(LatencyChart.Panel::toString)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
    }

    static PerformanceReport.Figures fullRun() {
        PerformanceReport.Figures f = new PerformanceReport.Figures();
        f.started = Instant.parse("2001-11-22T09:15:30Z");
        f.finished = Instant.parse("2001-11-22T09:27:05Z");
        f.quick = false;
        f.command = "./bench/run-all";
        f.commit = "abc1234 (main, clean)";
        f.sizes = PerformanceReport.Sizes.FULL;
        f.machine = new Machine("Test CPU @ 2.00GHz", 2, 7_936, "Test OS (Linux 6.1)", "Test JDK 21.0.5",
                "2.50 1.20 0.80");
        f.loadAverageAfter = "1.10 1.00 0.90";
        f.suiteStartSeconds = 11.234;
        f.readyTogether = new LinkedHashMap<>();
        f.readyAlone.put("members-service", 1.8);
        f.readyAlone.put("events-service", 3.25);
        f.readyAlone.put("gateway", 0.95);
        f.memoryIdle = new LinkedHashMap<>();
        f.memoryAfterLoad = new LinkedHashMap<>();
        f.memoryAtEnd = new LinkedHashMap<>();
        double n = 0;
        for (String part : SuiteProcesses.PARTS) {
            f.readyTogether.put(part, 4.5 + n);
            f.memoryIdle.put(part, new SuiteProcesses.Memory(150 + n * 10, 160 + n * 10));
            f.memoryAfterLoad.put(part, new SuiteProcesses.Memory(220 + n * 10, 240 + n * 10));
            f.memoryAtEnd.put(part, new SuiteProcesses.Memory(250 + n * 20, 280 + n * 20));
            n++;
        }
        f.memoryAtEnd.put("gateway", new SuiteProcesses.Memory(Double.NaN, Double.NaN));

        List<LoadResult> loads = new ArrayList<>();
        for (int connections : new int[] {4, 50}) {
            loads.add(new LoadResult(ServiceLoadBenchmark.NO_OP, LoadResult.REFERENCE, connections,
                    connections * 20_000L, 5, 0, 0.15 * connections / 4, 0.9 * connections / 4, 0, 42.5));
            loads.add(new LoadResult("members: GET /members/{id}", LoadResult.DIRECT, connections,
                    connections * 3_000L, 5, 0, 0.8 * connections / 4, 2.5 * connections / 4, 0, 310));
            loads.add(new LoadResult("members: GET /members/{id}", LoadResult.GATEWAY, connections,
                    connections == 50 ? 25_000L : 8_000L, 5, connections == 50 ? 3 : 0, 1.1 * connections / 4,
                    3.75 * connections / 4, 120.25, 305));
            loads.add(new LoadResult("events: POST /events", LoadResult.DIRECT, connections,
                    connections * 1_000L, 5, 0, 2.2 * connections / 4, 9.5 * connections / 4, 0, 1_450));
            loads.add(new LoadResult("events: POST /events", LoadResult.GATEWAY, connections,
                    connections * 900L, 5, 0, 3.4 * connections / 4, 15.25 * connections / 4, 130, 1_470));
        }
        loads.add(new LoadResult("events: GET only direct", LoadResult.DIRECT, 4, 100, 5, 0, 1, 2, 0, 1));
        f.loads = loads;

        f.propagation = new PropagationBenchmark.Result(300, Latencies.ofMillis(new double[] {12, 15, 18, 30, 140}),
                Latencies.ofMillis(new double[] {11, 14, 19, 25, 60}), Latencies.ofMillis(new double[] {2, 3, 4, 5}));
        f.search = new EventSearchBenchmark.Result(20_000, 12_345, 1_000, 500, List.of(
                new EventSearchBenchmark.Search("upcoming in a town", Latencies.ofMillis(new double[] {3, 4, 9}),
                        Latencies.ofMillis(new double[] {4, 5, 11}), 20),
                new EventSearchBenchmark.Search("near a postcode", Latencies.ofMillis(new double[] {5, 8, 31}),
                        Latencies.ofMillis(new double[] {6, 9, 33}), 17)),
                Latencies.ofMillis(new double[] {3, 4, 5, 8, 9, 31}));
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("members-service", 2.5);
        cpu.put("events-service", 1.25);
        cpu.put("JIT compilation: members-service", 0.5);
        MemberImportBenchmark.Timed cold = new MemberImportBenchmark.Timed(100_000, 14.5, 16.0, 18.25, "{}", cpu);
        MemberImportBenchmark.Timed warm = new MemberImportBenchmark.Timed(100_000, 9.5, 9.9, 10.5, "{}", cpu);
        MemberImportBenchmark.Timed first = new MemberImportBenchmark.Timed(100_000, 8.25, 9.0, 9.5, "{}", cpu);
        MemberImportBenchmark.Timed again = new MemberImportBenchmark.Timed(100_000, 5.5, 5.5, Double.NaN, "{}", cpu);
        f.memberImport = new MemberImportBenchmark.Result(100_000, List.of(cold, warm), first, again, null,
                180L * 1024 * 1024 + 12_345, 0.75);
        f.failures.put("chart", "java.awt.AWTError: no `fonts`");
        return f;
    }

    static PerformanceReport.Figures quickRun() {
        PerformanceReport.Figures f = new PerformanceReport.Figures();
        f.started = Instant.parse("2001-11-23T23:59:59Z");
        f.quick = true;
        f.command = "./bench/run-all --quick";
        f.commit = "def5678 (main, 2 files changed)";
        f.sizes = PerformanceReport.Sizes.QUICK;
        f.machine = new Machine("Other CPU", 4, 16_384, "Other OS", "JDK 25", "unknown");
        f.suiteStartSeconds = Double.NaN;
        f.failures.put("event search", "java.lang.IllegalStateException: no events");
        f.failures.put("reads and writes", "java.io.IOException: refused");
        f.failures.put("propagation", "timeout");
        f.failures.put("member import", "java.lang.AssertionError");
        return f;
    }
}
