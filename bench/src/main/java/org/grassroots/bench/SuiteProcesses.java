package org.grassroots.bench;

import org.grassroots.devstack.Devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The suite's JVMs as the benchmarks see them: found by their jars, their resident memory, their readiness. */
final class SuiteProcesses {

    /** The parts of the suite, by the name {@link Devstack#restart} knows them by. */
    static final List<String> PARTS = List.of("members-service", "events-service", "elections-service",
            "webhooks-service", "gateway");

    private SuiteProcesses() {
    }

    /** The running JVM of one part of the suite ("members-service", "gateway", ...), found by its jar's path. */
    static ProcessHandle process(Devstack stack, String part) {
        String jar = part + "/target/quarkus-app/quarkus-run.jar";
        Optional<ProcessHandle> found = stack.liveProcesses().stream()
                .filter(p -> p.info().commandLine().orElse("").contains(jar)
                        || p.info().arguments().map(a -> String.join(" ", a).contains(jar)).orElse(false))
                .findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no process runs " + jar));
    }

    /** The HTTP port of a part, as Devstack assigns them. */
    static String url(Devstack stack, String part) {
        return "gateway".equals(part) ? stack.gatewayUrl() : stack.serviceUrl(part.replace("-service", ""));
    }

    /** Resident memory now and at its peak (VmRSS, VmHWM from /proc), in MB; NaN where /proc is not there. */
    record Memory(double residentMb, double peakMb) {
    }

    static Memory memory(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            double rss = Double.NaN;
            double hwm = Double.NaN;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line) / 1024.0;
                }
            }
            return new Memory(rss, hwm);
        } catch (IOException e) {
            return new Memory(Double.NaN, Double.NaN);
        }
    }

    static Map<String, Memory> memory(Devstack stack) {
        Map<String, Memory> memory = new LinkedHashMap<>();
        for (String part : PARTS) {
            memory.put(part, memory(process(stack, part)));
        }
        return memory;
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /**
     * Watches the parts' own readiness endpoints while {@link Devstack#start} starts them all together: when each
     * first answered 200. Started before the suite (the ports are known beforehand), read after.
     */
    static final class ReadinessWatch implements AutoCloseable {
        private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
        private final Thread thread;

        ReadinessWatch(Map<String, Integer> ports) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofMillis(200)).build();
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (readyAt.size() < ports.size() && !Thread.currentThread().isInterrupted()) {
                    for (Map.Entry<String, Integer> part : ports.entrySet()) {
                        if (readyAt.containsKey(part.getKey())) {
                            continue;
                        }
                        try {
                            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + part.getValue() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() == 200) {
                                readyAt.put(part.getKey(), Instant.now());
                            }
                        } catch (IOException notYet) {
                            // not listening yet
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Seconds from each process's start to its first ready answer. */
        Map<String, Double> secondsToReady(Devstack stack) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (String part : PARTS) {
                Instant started = process(stack, part).info().startInstant().orElse(null);
                Instant ready = readyAt.get(part);
                seconds.put(part, started == null || ready == null ? Double.NaN
                        : Duration.between(started, ready).toMillis() / 1000.0);
            }
            return seconds;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
