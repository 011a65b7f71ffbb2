package org.grassroots.testing;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds Kafka records in the CloudEvents binary mode, as another service (or a hostile peer) would send them. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String key, UUID id, String type,
                                                            String jsonData) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                jsonData == null ? null : jsonData.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "ce_subject", key);
        header(record, "ce_time", TestClock.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** A record that is not a CloudEvent at all. */
    public static ProducerRecord<String, byte[]> garbage(String topic, String key) {
        return new ProducerRecord<>(topic, key, "not even json".getBytes(StandardCharsets.UTF_8));
    }

    /** The same record again, headers included: what an at-least-once redelivery looks like. */
    public static ProducerRecord<String, byte[]> copyOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
