package org.grassroots.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The events catalogue (AsyncAPI 3, {@code asyncapi/grassroots-events.yaml} in the kit) as a test oracle: a
 * produced record must be on a documented channel, be a documented message of it (by {@code ce_type}), carry
 * the CloudEvents headers, a key of the documented form, and a payload valid against the documented schema.
 */
public final class EventCatalogue {

    public static final String RESOURCE = "asyncapi/grassroots-events.yaml";
    private static final List<String> REQUIRED_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_time", "ce_subject");

    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private EventCatalogue(JsonNode document) {
        this.document = document;
    }

    public static EventCatalogue load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (it ships in grassroots-kit)");
            }
            return new EventCatalogue(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event types documented for a topic. */
    public Set<String> eventTypes(String topic) {
        JsonNode channel = channel(topic);
        Set<String> types = new java.util.TreeSet<>();
        channel.path("messages").forEach(ref -> types.add(resolve(ref).path("name").asText()));
        return types;
    }

    /** Every event type documented on any channel. */
    public Set<String> allEventTypes() {
        Set<String> types = new java.util.TreeSet<>();
        document.path("channels").forEach(channel -> types.addAll(eventTypes(channel.path("address").asText())));
        return types;
    }

    /** @return the problems found; empty when the record matches the catalogue */
    public List<String> violations(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8)));
        for (String name : REQUIRED_HEADERS) {
            if (headers.get(name) == null) {
                problems.add("missing header " + name);
            }
        }
        if (!"1.0".equals(headers.get("ce_specversion"))) {
            problems.add("ce_specversion is not 1.0");
        }
        String type = headers.get("ce_type");
        JsonNode channel;
        try {
            channel = channel(record.topic());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        JsonNode message = null;
        for (JsonNode ref : channel.path("messages")) {
            JsonNode candidate = resolve(ref);
            if (candidate.path("name").asText().equals(type)) {
                message = candidate;
            }
        }
        if (message == null) {
            problems.add("event type " + type + " is not documented on channel " + record.topic());
            return problems;
        }
        JsonNode keySchema = message.path("bindings").path("kafka").path("key");
        if ("uuid".equals(keySchema.path("format").asText())) {
            try {
                UUID.fromString(record.key());
            } catch (RuntimeException e) {
                problems.add("key " + record.key() + " is not a UUID");
            }
        }
        if (record.value() == null) {
            if (!message.path("x-tombstone").asBoolean(false)) {
                problems.add(type + " must have a payload");
            }
            return problems;
        }
        try {
            JsonNode payload = new ObjectMapper().readTree(record.value());
            JsonSchema schema = schemas.getSchema(resolve(message.path("payload")));
            for (ValidationMessage violation : schema.validate(payload)) {
                problems.add(type + ": " + violation.getMessage());
            }
        } catch (IOException e) {
            problems.add(type + ": payload is not JSON");
        }
        return problems;
    }

    private JsonNode channel(String topic) {
        Iterator<JsonNode> channels = document.path("channels").elements();
        while (channels.hasNext()) {
            JsonNode channel = channels.next();
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new IllegalArgumentException("topic " + topic + " is not a channel of the events catalogue");
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
