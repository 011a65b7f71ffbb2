package org.grassroots.bench;

import java.util.Locale;

import static org.grassroots.bench.ReportNumbers.number;
import static org.grassroots.bench.ReportNumbers.percent;

/**
 * The performance targets the report measures against (as written in the issue) and the verdict on one result:
 * kept in one place so the summary table and the detailed sections cannot disagree about a target.
 */
final class ReportTargets {

    static final double GATEWAY_ADDED_P50_MS = 0.5;
    static final double GATEWAY_THROUGHPUT_RATIO = 0.6;
    static final double PROPAGATION_P99_MS = 100;
    static final double WEBHOOK_P99_MS = 250;
    static final double IMPORT_ROWS_PER_SECOND = 10_000;
    static final double SEARCH_P99_MS = 20;
    static final double READY_SECONDS = 3;
    static final double RESIDENT_MB = 300;
    /** Connections of the light load, where the gateway's added latency is judged. */
    static final int LIGHT = 4;
    /** Connections of the saturating load, where the gateway's throughput is judged. */
    static final int SATURATION = 50;

    private ReportTargets() {
    }

    /** The verdict on a result that should stay at or below its target (a latency, a size). */
    static String atMost(double value, double target, String unit) {
        if (!Double.isFinite(value)) {
            return "not measured";
        }
        return value <= target ? "**met**" : "**missed** by " + number(value - target) + unit + " ("
                + (value / target >= 2 ? String.format(Locale.ROOT, "%.1f times the target", value / target)
                : percent(value / target - 1)) + ")";
    }

    /** The verdict on a result that should reach at least its target (a rate, a ratio). */
    static String atLeast(double value, double target, String unit) {
        if (!Double.isFinite(value)) {
            return "not measured";
        }
        return value >= target ? "**met**" : "**missed** by " + number(target - value) + unit + " ("
                + (target / value >= 2 ? String.format(Locale.ROOT, "1/%.1f of the target", target / value)
                : percent(value / target - 1)) + ")";
    }
}
