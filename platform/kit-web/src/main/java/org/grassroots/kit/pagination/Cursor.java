package org.grassroots.kit.pagination;

import org.grassroots.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset position: the sort values of the last item of a page, base64url-encoded. Clients pass it back
 * unchanged; its inside may change between versions.
 */
public record Cursor(List<String> values) {

    private static final String PREFIX = "v1";
    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 512;

    public static Cursor of(Object... values) {
        return new Cursor(Arrays.stream(values).map(String::valueOf).toList());
    }

    public String value(int index) {
        return values.get(index);
    }

    /** A value as a UUID; a tampered cursor is a 400, not a 500. */
    public java.util.UUID uuid(int index) {
        try {
            return java.util.UUID.fromString(values.get(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public java.time.OffsetDateTime dateTime(int index) {
        try {
            return java.time.OffsetDateTime.parse(values.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    public java.time.LocalDate date(int index) {
        try {
            return java.time.LocalDate.parse(values.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    public String encode() {
        String joined = PREFIX + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param expectedValues how many sort values this collection's cursors carry
     * @throws ProblemException 400 naming {@code cursor} if it is not one of ours
     */
    public static Cursor decode(String encoded, int expectedValues) {
        if (encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = decoded.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != expectedValues + 1 || !PREFIX.equals(parts[0])) {
                throw invalid();
            }
            return new Cursor(List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor this API issued");
    }
}
