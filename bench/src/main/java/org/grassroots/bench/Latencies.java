package org.grassroots.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latencies of one measurement, sorted, in nanoseconds: percentiles in milliseconds. */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    static Latencies ofAll(Collection<long[]> parts) {
        return new Latencies(parts.stream().flatMapToLong(Arrays::stream).sorted().toArray());
    }

    static Latencies ofMillis(double[] millis) {
        return of(Arrays.stream(millis).mapToLong(m -> Math.round(m * 1e6)).toArray());
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile, NaN when nothing was measured. */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }
}
