package org.grassroots.members.rest;

import org.grassroots.members.domain.Member;
import org.grassroots.kit.csv.CsvCell;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Members as CSV rows (RFC 4180), safe to open in a spreadsheet. */
final class MemberCsv {

    static final List<String> COLUMNS = List.of("id", "givenName", "familyName", "email", "phone", "addressLine1",
            "addressLine2", "addressLine3", "locality", "region", "postcode", "additionalEmails", "additionalPhones",
            "membershipType", "status", "branchId", "tags", "roles", "joinedAt", "updatedAt");

    private MemberCsv() {
    }

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    static String row(Member m) {
        return List.of(m.id, m.givenName, m.familyName, m.email, Objects.toString(m.phone, ""), line(m, 0),
                        line(m, 1), line(m, 2), Objects.toString(m.locality, ""), Objects.toString(m.region, ""),
                        Objects.toString(m.postcode, ""), String.join(" ", m.additionalEmails),
                        String.join(" ", m.additionalPhones), m.membershipType, m.status, Objects.toString(m.branchId, ""),
                        String.join(" ", m.tags), m.roles.stream().map(Enum::name).collect(Collectors.joining(" ")),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.joinedAt),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.updatedAt))
                .stream().map(v -> CsvCell.of(v.toString())).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String line(Member m, int index) {
        return index < m.addressLines.length ? m.addressLines[index] : "";
    }
}
