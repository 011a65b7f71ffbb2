package org.grassroots.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A CloudEvent as received from Kafka. {@code data} is null for a tombstone (an erased aggregate on a compacted
 * topic).
 */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time,
                            String topic, String key, JsonNode data) {

    public boolean isTombstone() {
        return data == null;
    }

    /** A UUID field of {@code data}; an event without it, or with something else there, is poison. */
    public UUID uuid(String field) {
        try {
            return UUID.fromString(data == null ? "" : data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(type + " without a valid " + field, e);
        }
    }

    /** Reads the binary-mode headers and JSON value; a record that is not a valid CloudEvent is poison. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        // One pass over the headers (a later header of the same name wins, as Headers.lastHeader has it).
        String id = null;
        String type = null;
        String source = null;
        String time = null;
        String subject = null;
        for (Header header : record.headers()) {
            switch (header.key()) {
                case CloudEventHeaders.ID -> id = text(header);
                case CloudEventHeaders.TYPE -> type = text(header);
                case CloudEventHeaders.SOURCE -> source = text(header);
                case CloudEventHeaders.TIME -> time = text(header);
                case CloudEventHeaders.SUBJECT -> subject = text(header);
                default -> {
                }
            }
        }
        if (id == null || type == null || source == null) {
            throw new PoisonEventException("Not a CloudEvent: ce_id, ce_type and ce_source are required");
        }
        try {
            JsonNode data = record.value() == null ? null : mapper.readTree(record.value());
            return new IncomingEvent(UUID.fromString(id), type, source, subject,
                    time == null ? null : ParsedTime.of(time), record.topic(), record.key(), data);
        } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
            throw new PoisonEventException("Unreadable CloudEvent: " + e.getMessage(), e);
        }
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The last {@code ce_time} parsed: the events of one bulk write share it, and parsing an ISO time costs more
     * than the rest of reading the event. Shared by the consumer threads; a lost race only parses again.
     */
    private record ParsedTime(String text, OffsetDateTime time) {
        private static volatile ParsedTime last = new ParsedTime("", null);

        static OffsetDateTime of(String text) {
            ParsedTime known = last;
            if (!known.text().equals(text)) {
                known = new ParsedTime(text, OffsetDateTime.parse(text));
                last = known;
            }
            return known.time();
        }
    }
}
