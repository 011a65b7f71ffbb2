package org.grassroots.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: for the report's header. */
record Machine(String cpu, int cores, long memoryMb, String os, String jdk, String loadAverage) {

    static Machine describe() {
        settle();
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch"));
        long memoryKb = firstValue(Path.of("/proc/meminfo"), "MemTotal", ':')
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", ""))).orElse(0L);
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=').map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memoryKb / 1024,
                os + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ")",
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                currentLoadAverage());
    }

    /**
     * Waits (at most two minutes) until the one-minute load average is below the core count: the command's own
     * build has just run, and its tail would otherwise read as other work sharing the cores.
     */
    private static void settle() {
        int cores = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (oneMinute(currentLoadAverage()) >= cores && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The 1, 5 and 15 minute load averages now: how busy the machine was besides the benchmark. */
    static String currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** The first figure of a load average as {@link #currentLoadAverage()} writes it; NaN when unknown. */
    static double oneMinute(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static java.util.Optional<String> firstValue(Path file, String key, char separator) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(separator) + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
