package org.grassroots.members.rest;

import org.grassroots.members.domain.Member;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Members as CSV rows (RFC 4180), safe to open in a spreadsheet. */
final class MemberCsv {

    static final List<String> COLUMNS = List.of("id", "givenName", "familyName", "email", "phone", "postcode",
            "membershipType", "status", "branchId", "tags", "roles", "joinedAt", "updatedAt");

    private MemberCsv() {
    }

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    static String row(Member m) {
        return List.of(m.id, m.givenName, m.familyName, m.email, Objects.toString(m.phone, ""),
                        Objects.toString(m.postcode, ""), m.membershipType, m.status, Objects.toString(m.branchId, ""),
                        String.join(" ", m.tags), m.roles.stream().map(Enum::name).collect(Collectors.joining(" ")),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.joinedAt),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.updatedAt))
                .stream().map(v -> cell(v.toString())).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes where needed, and defuses formulas (a cell starting with = + - @ would run in a spreadsheet). */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
