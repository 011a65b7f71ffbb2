package org.grassroots.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.grassroots.kit.openapi.ApiKeyScopes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Build step of the gateway: merges the services' OpenAPI documents (written by their builds) into one, the
 * gateway's static {@code META-INF/openapi.yaml}, which Quarkus then serves at {@code /q/openapi}. The build fails
 * when two services claim the same path or define different schemas under one name, or when an operation lacks a
 * unique camelCase {@code operationId} or a tag (generated clients name their methods and classes from them).
 *
 * <p>Arguments: the output file, then each service's document.
 */
public final class OpenApiMerger {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private OpenApiMerger() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: OpenApiMerger <output> <service document>...");
        }
        List<JsonNode> documents = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path path = Path.of(args[i]);
            if (!Files.exists(path)) {
                throw new IllegalStateException("No OpenAPI document at " + path + ": build the services first "
                        + "(the reactor build from the project root does: ./mvnw package)");
            }
            documents.add(YAML.readTree(path.toFile()));
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.getParent());
        YAML.writeValue(output.toFile(), merge(documents));
    }

    static ObjectNode merge(List<JsonNode> documents) {
        ObjectNode merged = YAML.createObjectNode();
        merged.put("openapi", documents.getFirst().path("openapi").asText("3.1.0"));
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode webhooks = merged.putObject("webhooks");
        ArrayNode tags = merged.putArray("tags");
        List<String> tagNames = new ArrayList<>();
        for (JsonNode document : documents) {
            String title = document.path("info").path("title").asText("a service");
            copyUnique(document.path("paths"), paths, "path", title);
            copyUnique(document.path("webhooks"), webhooks, "webhook", title);
            Iterator<Map.Entry<String, JsonNode>> sections = document.path("components").fields();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                copyConsistent(section.getValue(), target, "components." + section.getKey(), title);
            }
            for (JsonNode tag : document.path("tags")) {
                if (!tagNames.contains(tag.path("name").asText())) {
                    tagNames.add(tag.path("name").asText());
                    tags.add(tag);
                }
            }
        }
        if (webhooks.isEmpty()) {
            merged.remove("webhooks");
        }
        addApiKeys(merged);
        checkOperationNames(merged);
        return merged;
    }

    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final java.util.regex.Pattern CAMEL_CASE = java.util.regex.Pattern.compile("[a-z][a-zA-Z0-9]*");

    static void checkOperationNames(JsonNode document) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!HTTP_METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            String id = op.getValue().path("operationId").asText("");
            if (!CAMEL_CASE.matcher(id).matches()) {
                problems.add(where + " has no camelCase operationId ('" + id + "')");
            } else if (!seen.add(id)) {
                problems.add(where + " repeats the operationId " + id);
            }
            if (op.getValue().path("tags").isEmpty()) {
                problems.add(where + " has no tag");
            }
        }));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Every operation needs a unique camelCase operationId and a tag: "
                    + String.join("; ", problems));
        }
    }

    /**
     * The gateway's own scheme: an operation that takes a bearer token also takes an API key whose scopes cover it
     * (the gateway exchanges the key for a token). The gateway's own operations and servers come at run time.
     */
    private static void addApiKeys(ObjectNode merged) {
        ObjectNode schemes = merged.with("components").with("securitySchemes");
        schemes.putObject("apiKey")
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-API-Key")
                .put("description", "An integration's API key (or `Authorization: ApiKey <key>`), created by an admin "
                        + "at /api-keys. Each operation's apiKey requirement names the one scope it needs (also its "
                        + "x-api-key-scope): members|events|elections|webhooks : read (GET) or write (the rest; write includes "
                        + "read), and members:export, members:erase, members:roles for those operations. A key "
                        + "without it is refused with 403; an expired or revoked key with 401.");
        merged.path("paths").forEach(path -> path.fields().forEachRemaining(operation -> {
            JsonNode security = operation.getValue().path("security");
            boolean bearer = false;
            for (JsonNode requirement : security) {
                bearer |= requirement.has("bearer");
            }
            if (bearer) {
                ArrayNode scopes = ((ArrayNode) security).addObject().putArray("apiKey");
                String scope = operation.getValue().path(ApiKeyScopes.EXTENSION).asText("");
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }));
    }

    private static void copyUnique(JsonNode from, ObjectNode to, String what, String source) {
        from.fields().forEachRemaining(e -> {
            if (to.has(e.getKey())) {
                throw new IllegalStateException(what + " " + e.getKey() + " of " + source
                        + " is also defined by another service: each service owns distinct prefixes");
            }
            to.set(e.getKey(), e.getValue());
        });
    }

    private static void copyConsistent(JsonNode from, ObjectNode to, String what, String source) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = to.get(e.getKey());
            if (existing != null && !shape(existing).equals(shape(e.getValue()))) {
                throw new IllegalStateException(what + "." + e.getKey() + " of " + source
                        + " differs from another service's definition of the same name: schema names must be unique");
            }
            if (existing == null) {
                to.set(e.getKey(), e.getValue());
            }
        });
    }

    /** A schema without its prose and examples: two services may illustrate one type differently. */
    private static JsonNode shape(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        copy.remove(List.of("description", "example", "examples", "title"));
        return copy;
    }
}
