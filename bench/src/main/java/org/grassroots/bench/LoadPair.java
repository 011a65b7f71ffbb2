package org.grassroots.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Direct and gateway figures of one operation at one load: what the gateway costs is always the difference
 * between the two, so the summary, the load table and the chart all read the loads through this.
 */
record LoadPair(LoadResult direct, LoadResult gateway) {

    double addedP50() {
        return gateway.p50() - direct.p50();
    }

    double addedP99() {
        return gateway.p99() - direct.p99();
    }

    double ratio() {
        return gateway.throughput() / direct.throughput();
    }

    /** Both paths of one operation at one load; empty when either was not measured. */
    static Optional<LoadPair> of(PerformanceReport.Figures f, String operation, int connections) {
        Optional<LoadResult> direct = find(f, operation, LoadResult.DIRECT, connections);
        Optional<LoadResult> gateway = find(f, operation, LoadResult.GATEWAY, connections);
        return direct.isPresent() && gateway.isPresent() ? Optional.of(new LoadPair(direct.get(), gateway.get()))
                : Optional.empty();
    }

    /** The reference (the no-op endpoint, direct only) at one load. */
    static Optional<LoadResult> reference(PerformanceReport.Figures f, int connections) {
        return f.loads.stream().filter(r -> r.path().equals(LoadResult.REFERENCE) && r.connections() == connections)
                .findFirst();
    }

    /** The measured operations, the reference left out, in the order they were measured. */
    static List<String> operations(PerformanceReport.Figures f) {
        Set<String> names = new LinkedHashSet<>();
        f.loads.stream().filter(r -> !r.path().equals(LoadResult.REFERENCE)).forEach(r -> names.add(r.operation()));
        return List.copyOf(names);
    }

    /** Answers other than the expected status on either path, as a note for the table; empty when none. */
    String errors() {
        long errors = direct.errors() + gateway.errors();
        return errors == 0 ? "" : " (" + errors + " unexpected answers)";
    }

    private static Optional<LoadResult> find(PerformanceReport.Figures f, String operation, String path,
                                             int connections) {
        return f.loads.stream().filter(r -> r.operation().equals(operation) && r.path().equals(path)
                && r.connections() == connections).findFirst();
    }
}
