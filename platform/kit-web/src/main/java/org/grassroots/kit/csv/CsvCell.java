package org.grassroots.kit.csv;

/** One cell of a CSV export (RFC 4180), safe to open in a spreadsheet: every export writes its cells through it. */
public final class CsvCell {

    private CsvCell() {
    }

    /**
     * The value quoted where needed, with a formula defused: a cell starting with = + - @ (or a tab or carriage
     * return) would run in a spreadsheet (CSV injection), so it is prefixed with an apostrophe.
     */
    public static String of(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
