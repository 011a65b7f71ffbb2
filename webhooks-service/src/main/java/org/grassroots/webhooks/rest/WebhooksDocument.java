package org.grassroots.webhooks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.grassroots.kit.idempotency.IdempotencyKeyDocumentation;
import org.grassroots.webhooks.domain.KnownEventTypes;
import org.grassroots.webhooks.messaging.WebhookPayloads;
import org.grassroots.webhooks.service.EndpointService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The document's {@code webhooks:} (OpenAPI 3.1): one entry per event type an endpoint can receive, plus the test
 * ping, each describing the body a receiver gets. The {@code data} of each is derived from the events catalogue's
 * payload schema by the rule deliveries follow ({@link WebhookPayloads#delivered}), so the document cannot promise
 * a field the delivery drops, nor miss one it keeps.
 */
public class WebhooksDocument extends IdempotencyKeyDocumentation {

    static final String CATALOGUE = "asyncapi/grassroots-events.yaml";
    static final String TAG = "Webhook deliveries";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        JsonNode catalogue = catalogue();
        Map<String, PathItem> webhooks = new TreeMap<>();
        for (JsonNode message : catalogue.path("components").path("messages")) {
            String type = message.path("name").asText();
            if (!KnownEventTypes.CATALOGUE.contains(type)) {
                continue;
            }
            JsonNode payload = resolve(catalogue, message.path("payload"));
            webhooks.put(type, delivery(type, message.path("title").asText(type), data(catalogue, payload)));
        }
        Schema ping = object().addProperty("endpointId", uuid()).required(List.of("endpointId"));
        webhooks.put(EndpointService.PING, delivery(EndpointService.PING,
                "The test message of POST /webhook-endpoints/{id}/test", ping));
        openAPI.setWebhooks(webhooks);
    }

    private static PathItem delivery(String type, String title, Schema data) {
        Schema body = object()
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue(type))
                .addProperty("timestamp", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("date-time").description("When it happened (the event's time)"))
                .addProperty("data", data)
                .required(List.of("type", "timestamp", "data"));
        Operation post = OASFactory.createOperation()
                .operationId(operationId(type))
                .summary(title)
                .description("Sent as `POST` to every enabled endpoint subscribed to `" + type + "` (or `*`) whose "
                        + "owner's scopes allow it, signed per Standard Webhooks. Verify the signature before "
                        + "trusting the body; de-duplicate by `webhook-id`, which stays the same across retries. "
                        + "Read anything else through the API under `data.links`.")
                .addTag(TAG)
                // No HTTP scheme: the receiver authenticates the sender by the signature (webhook-signature).
                .security(new ArrayList<>())
                .parameters(List.of(
                        header("webhook-id", "The message id: the same on every retry of this message"),
                        header("webhook-timestamp", "Unix seconds when this attempt was signed"),
                        header("webhook-signature", "Space-separated `v1,<base64 HMAC-SHA256 of "
                                + "id.timestamp.body>`; two of them during a secret rotation")))
                .requestBody(OASFactory.createRequestBody().required(true).content(json(body)))
                .responses(OASFactory.createAPIResponses().addAPIResponse("2XX", OASFactory.createAPIResponse()
                        .description("Received: any 2xx within 15 s. Anything else, a timeout or a redirect is "
                                + "retried on the Standard Webhooks schedule; 410 disables the endpoint.")));
        return OASFactory.createPathItem().POST(post);
    }

    /** The delivered part of a catalogue payload: its scalar ids, times and kept fields, and links for the ids. */
    static Schema data(JsonNode catalogue, JsonNode payload) {
        Schema data = object();
        Schema links = object().additionalPropertiesBoolean(false);
        List<String> required = new ArrayList<>();
        payload.path("properties").fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode schema = resolve(catalogue, field.getValue());
            if (!WebhookPayloads.delivered(name) || !isScalar(schema.path("type"))) {
                return;
            }
            data.addProperty(name, scalarSchema(schema));
            boolean present = contains(payload.path("required"), name);
            if (present) {
                required.add(name);
            }
            if (WebhookPayloads.linkPrefix(name) != null) {
                links.addProperty(WebhookPayloads.linkName(name), OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING).description("`" + WebhookPayloads.linkPrefix(name)
                                + "{" + name + "}` of this API (only when " + name + " is not null)"));
            }
        });
        required.add("links");
        return data.addProperty("links", links).required(required);
    }

    /** What the delivery keeps of a field is a value, never an object or array ({@code type} a name or a list). */
    private static boolean isScalar(JsonNode type) {
        return !(contains(type, "object") || contains(type, "array")
                || type.asText().equals("object") || type.asText().equals("array"));
    }

    private static Schema scalarSchema(JsonNode source) {
        Schema schema = OASFactory.createSchema();
        JsonNode types = source.path("type");
        if (types.isArray()) {
            types.forEach(type -> schema.addType(Schema.SchemaType.valueOf(type.asText().toUpperCase(Locale.ROOT))));
        } else if (types.isTextual()) {
            schema.addType(Schema.SchemaType.valueOf(types.asText().toUpperCase(Locale.ROOT)));
        }
        if (source.hasNonNull("format")) {
            schema.format(source.path("format").asText());
        }
        if (source.path("enum").isArray()) {
            source.path("enum").forEach(value -> schema.addEnumeration(value.isBoolean() ? value.asBoolean()
                    : value.asText()));
            if (types.isArray() && contains(types, "null")) {
                schema.addEnumeration(null);
            }
        }
        if (source.hasNonNull("description")) {
            schema.description(source.path("description").asText());
        }
        return schema;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    private static Schema uuid() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Content json(Schema schema) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType("application/json", media);
    }

    /** e.g. org.grassroots.member.joined.v1 -> memberJoinedWebhook; ping -> pingWebhook. */
    static String operationId(String type) {
        String[] parts = type.replace("org.grassroots.", "").replaceAll("\\.v\\d+$", "").split("[.-]");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return id.append("Webhook").toString();
    }

    private static JsonNode resolve(JsonNode catalogue, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = catalogue;
        for (String segment : ref.substring(2).split("/")) {
            target = target.path(segment);
        }
        return target;
    }

    private static JsonNode catalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is not on the class path (platform/kit-core has it)");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
