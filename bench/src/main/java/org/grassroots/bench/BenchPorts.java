package org.grassroots.bench;

/** Ports for a benchmark's suite: a run of four free ones (gateway and three services). */
final class BenchPorts {

    private BenchPorts() {
    }

    static int freeBasePort() {
        for (int base = 28_080; base < 40_000; base += 10) {
            boolean free = true;
            for (int p = base; p < base + 4 && free; p++) {
                try (var socket = new java.net.ServerSocket(p)) {
                    free = true;
                } catch (java.io.IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports");
    }
}
