package org.grassroots.bench;

import org.grassroots.devstack.Devstack;

/** Ports for a benchmark's suite: a run of free ones, the gateway's and one per service. */
final class BenchPorts {

    private BenchPorts() {
    }

    static int freeBasePort() {
        for (int base = 28_080; base < 40_000; base += 10) {
            boolean free = true;
            for (int p = base; p <= base + Devstack.SERVICES.size() && free; p++) {
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
