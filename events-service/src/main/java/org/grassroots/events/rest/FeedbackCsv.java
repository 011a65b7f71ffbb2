package org.grassroots.events.rest;

import org.grassroots.events.service.FeedbackExport;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Feedback as CSV rows (RFC 4180), safe to open in a spreadsheet. */
final class FeedbackCsv {

    static final List<String> COLUMNS = List.of("feedbackId", "recordedAt", "eventId", "event", "town", "postcode",
            "timeslotId", "timeslotStartsAt", "question", "answer", "topics", "contactConsent");

    private FeedbackCsv() {
    }

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    static String row(FeedbackExport.Row r) {
        return List.of(r.feedbackId(), r.recordedAt(), r.eventId(), r.eventTitle(), r.town(), r.postcode(),
                        r.timeslotId(), r.timeslotStartsAt(), r.question(), r.answer(), r.topics(), r.contactConsent())
                .stream().map(v -> cell(Objects.toString(v, ""))).collect(Collectors.joining(",")) + "\r\n";
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
