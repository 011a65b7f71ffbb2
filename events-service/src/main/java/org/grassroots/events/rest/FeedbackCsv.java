package org.grassroots.events.rest;

import org.grassroots.events.service.FeedbackExport;
import org.grassroots.kit.csv.CsvCell;

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
                .stream().map(v -> CsvCell.of(Objects.toString(v, ""))).collect(Collectors.joining(",")) + "\r\n";
    }
}
