package org.grassroots.members.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A UK postcode, normalised to "OUTWARD INWARD" (e.g. "PL1 1AA"). */
public record Postcode(String outward, String inward) {

    private static final Pattern FORMAT = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})$");

    public static Optional<Postcode> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(new Postcode(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The postcode district, e.g. "PL1". */
    public String district() {
        return outward;
    }

    /** The postcode area, e.g. "PL". */
    public String area() {
        return outward.replaceAll("[0-9].*$", "");
    }

    @Override
    public String toString() {
        return outward + " " + inward;
    }
}
