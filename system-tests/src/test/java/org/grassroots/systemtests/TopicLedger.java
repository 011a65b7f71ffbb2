package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.KafkaProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything on the catalogue's topics, read from the beginning as a third-party integration would. */
final class TopicLedger {

    static final List<String> TOPICS = List.of(Topics.MEMBERS, Topics.MEMBER_STATE, Topics.OFFICE_HOLDERS, Topics.EVENTS);

    private final Map<String, List<ConsumerRecord<String, byte[]>>> records = new TreeMap<>();

    static TopicLedger read(String bootstrapServers) {
        TopicLedger ledger = new TopicLedger();
        for (String topic : TOPICS) {
            ledger.records.put(topic, KafkaProbe.readAll(bootstrapServers, topic, Duration.ofSeconds(60)));
        }
        return ledger;
    }

    /** Records that do not match the catalogue, each named by topic, offset, type and what is wrong. */
    List<String> violations(EventCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        records.forEach((topic, list) -> list.forEach(record -> catalogue.violations(record).forEach(v ->
                problems.add(topic + "@" + record.partition() + ":" + record.offset() + " " + v))));
        return problems;
    }

    /** Records per topic and type. */
    Map<String, Map<String, Integer>> countsByType() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        records.forEach((topic, list) -> list.forEach(record ->
                counts.computeIfAbsent(topic, t -> new TreeMap<>()).merge(type(record), 1, Integer::sum)));
        return counts;
    }

    int size() {
        return records.values().stream().mapToInt(List::size).sum();
    }

    /** Event ids published more than once on a topic (the outbox relay is at-least-once). */
    Map<String, Integer> republished() {
        Map<String, Integer> copies = new TreeMap<>();
        records.forEach((topic, list) -> {
            Map<String, Integer> seen = new HashMap<>();
            list.forEach(record -> seen.merge(header(record, "ce_id"), 1, Integer::sum));
            seen.forEach((id, n) -> {
                if (n > 1) {
                    copies.put(topic + " " + id, n);
                }
            });
        });
        return copies;
    }

    /** Payload values of {@code field} of the records of {@code type} on {@code topic}. */
    List<String> values(String topic, String type, String field) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records.getOrDefault(topic, List.of())) {
            if (type.equals(type(record)) && record.value() != null) {
                try {
                    JsonNode payload = Gateway.JSON.readTree(record.value());
                    values.add(payload.path(field).asText());
                } catch (IOException e) {
                    values.add("<not JSON>");
                }
            }
        }
        return values;
    }

    /** The distinct event ids (ce_id) on a topic. */
    java.util.Set<String> eventIds(String topic) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        records.getOrDefault(topic, List.of()).forEach(r -> ids.add(header(r, "ce_id")));
        return ids;
    }

    /** Records per topic (the end offsets' sum, in effect). */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        records.forEach((topic, list) -> sizes.put(topic, list.size()));
        return sizes;
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        return type == null ? "(no ce_type)" : type;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
