package org.grassroots.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed-loop load on keep-alive connections ({@link KeepAliveClient}): each connection sends its next request
 * when the previous answer arrived. A warm-up, then a measured period; also the CPU time the gateway and the
 * service used during it (ProcessHandle), so the cost per request can be read next to the latency.
 */
final class LoadGenerator {

    /** What one connection sends: a GET, or a POST with a fresh body per request ({@code bodies}). */
    record Target(URI uri, String authorization, Supplier<String> bodies, int expectedStatus) {

        static Target get(URI uri, String authorization) {
            return new Target(uri, authorization, null, 200);
        }

        static Target post(URI uri, String authorization, Supplier<String> bodies) {
            return new Target(uri, authorization, bodies, 201);
        }
    }

    /** Latencies (ns) and counts of one target at one load, summed over rounds. */
    static final class Measured {
        private final List<long[]> latencies = new ArrayList<>();
        private long requests;
        private long errors;
        private double seconds;
        private double gatewayCpuSeconds;
        private double serviceCpuSeconds;

        LoadResult result(String operation, String path, int connections) {
            Latencies all = Latencies.ofAll(latencies);
            return new LoadResult(operation, path, connections, requests, seconds, errors, all.p50(), all.p99(),
                    requests == 0 ? Double.NaN : gatewayCpuSeconds * 1e6 / requests,
                    requests == 0 ? Double.NaN : serviceCpuSeconds * 1e6 / requests);
        }
    }

    private LoadGenerator() {
    }

    /**
     * One measurement: {@code connections} clients, {@code warmUp} unrecorded, then {@code duration} of recorded
     * requests, added to {@code into}. {@code gateway} and {@code service} are the processes whose CPU is counted.
     */
    static void run(Target target, int connections, Duration warmUp, Duration duration, ProcessHandle gateway,
                    ProcessHandle service, Measured into) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int capacity = (int) Math.min(500_000, Math.max(10_000, duration.toMillis() * 15));
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[capacity];
            int[] count = new int[1];
            latencies.add(mine);
            counts.add(count);
            threads.add(Thread.ofPlatform().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient(target.uri(), target.authorization(),
                        target.bodies())) {
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= measureUntil) {
                            return;
                        }
                        int status = client.call();
                        long after = System.nanoTime();
                        if (before >= measureFrom && count[0] < mine.length) {
                            mine[count[0]++] = after - before;
                            if (status != target.expectedStatus()) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        Thread.sleep(Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
        Duration gatewayCpu = cpu(gateway);
        Duration serviceCpu = cpu(service);
        Thread.sleep(Duration.ofNanos(Math.max(0, measureUntil - System.nanoTime())));
        double gatewayUsed = (cpu(gateway).toNanos() - gatewayCpu.toNanos()) / 1e9;
        double serviceUsed = (cpu(service).toNanos() - serviceCpu.toNanos()) / 1e9;
        for (Thread thread : threads) {
            thread.join();
        }
        for (int c = 0; c < connections; c++) {
            into.latencies.add(Arrays.copyOf(latencies.get(c), counts.get(c)[0]));
            into.requests += counts.get(c)[0];
        }
        into.errors += errors.get();
        into.seconds += duration.toNanos() / 1e9;
        into.gatewayCpuSeconds += gatewayUsed;
        into.serviceCpuSeconds += serviceUsed;
    }

    private static Duration cpu(ProcessHandle process) {
        return process == null ? Duration.ZERO : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
