package org.grassroots.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the report writes its figures. Always {@link Locale#ROOT}, so the report reads the same whatever the
 * machine's locale; "n/a" (or an empty cell) where a figure was not measured.
 */
final class ReportNumbers {

    private ReportNumbers() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.0f%%", fraction * 100);
    }

    /** Two decimals below 10, one below 1,000, then none: about three significant figures. */
    static String number(double value) {
        double v = Math.abs(value);
        return v >= 1000 ? count(value) : v >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ms(double millis) {
        return Double.isFinite(millis) ? number(millis) + " ms" : "n/a";
    }

    /** A target as written in the issue: 100, 0.5, 3. */
    static String plain(double value) {
        return value == Math.rint(value) ? count(value) : Double.toString(value);
    }

    /** A difference in latency: with its sign, so a gateway that is faster than direct shows as such. */
    static String signedMs(double millis) {
        return Double.isFinite(millis) ? (millis >= 0 ? "+" : "") + number(millis) + " ms" : "n/a";
    }

    static String ratio(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a";
    }

    static String micros(double micros) {
        return Double.isFinite(micros) ? String.format(Locale.ROOT, "%,.0f us", micros) : "n/a";
    }

    static String seconds(Double seconds) {
        return seconds == null || !Double.isFinite(seconds) ? "n/a" : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String mb(double mb) {
        return Double.isFinite(mb) ? String.format(Locale.ROOT, "%.0f MB", mb) : "n/a";
    }

    /** One part's resident memory from one snapshot; empty when that snapshot (or the part in it) is missing. */
    static String resident(Map<String, SuiteProcesses.Memory> memory, String part) {
        return memory == null || memory.get(part) == null ? "" : mb(memory.get(part).residentMb());
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String rate(int rows, double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s, %,.0f rows/s" : "%.1f s, %,.0f rows/s", seconds,
                rows / seconds);
    }

    static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
