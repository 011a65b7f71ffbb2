package org.grassroots.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
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

    /** Reads the binary-mode headers and JSON value; a record that is not a valid CloudEvent is poison. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        String source = CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE);
        if (id == null || type == null || source == null) {
            throw new PoisonEventException("Not a CloudEvent: ce_id, ce_type and ce_source are required");
        }
        try {
            String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
            JsonNode data = record.value() == null ? null : mapper.readTree(record.value());
            return new IncomingEvent(UUID.fromString(id), type, source,
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                    time == null ? null : OffsetDateTime.parse(time), record.topic(), record.key(), data);
        } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
            throw new PoisonEventException("Unreadable CloudEvent: " + e.getMessage(), e);
        }
    }
}
