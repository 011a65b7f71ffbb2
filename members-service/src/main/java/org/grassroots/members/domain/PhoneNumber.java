package org.grassroots.members.domain;

import java.util.Optional;

/** A phone number in E.164 form; UK national numbers ("07700 900123") become +44. */
public final class PhoneNumber {

    private PhoneNumber() {
    }

    public static Optional<String> normalise(String text) {
        String compact = text.trim().replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (compact.startsWith("0")) {
            compact = "+44" + compact.substring(1);
        }
        return compact.matches("\\+[1-9][0-9]{6,14}") ? Optional.of(compact) : Optional.empty();
    }
}
