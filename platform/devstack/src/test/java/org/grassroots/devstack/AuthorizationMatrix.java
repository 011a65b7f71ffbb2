package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every operation of the gateway's OpenAPI document, called through the gateway by each kind of caller, against
 * the expectation derived from the document itself: an operation with {@code security: []}, or with an empty
 * requirement among its schemes (a token is optional), is public; one with
 * {@code bearer: [roles]} admits those roles (from the services' {@code @RolesAllowed}). An API key is admitted where
 * an admin is and its scopes cover the one scope of the operation's {@code apiKey} requirement (write covers read;
 * nothing covers {@code members:export}, {@code members:erase} or {@code members:roles} but themselves);
 * {@code /api-keys} is for admin tokens only. What is asserted is the
 * class of the answer (allowed = neither 401 nor 403, and no 5xx), not the business outcome: ids are random, so
 * most allowed calls end in 404 or 400. A role that is admitted but scoped (a member's own record, an organiser's
 * branch) may still get 403.
 */
final class AuthorizationMatrix {

    enum Caller { ANONYMOUS, MEMBER, ORGANISER, ADMIN, READ_KEY, WRITE_KEY }

    enum Expect { ALLOWED, ADMITTED_BUT_MAYBE_SCOPED, UNAUTHENTICATED, FORBIDDEN }

    /** Field names that carry a person's identity or contact details: never in an anonymous answer. */
    static final Set<String> PERSONAL_FIELDS = Set.of("email", "emailAddresses", "phone", "phoneNumbers", "givenName",
            "familyName", "postcode", "address", "postalAddresses");

    /** The scopes of each kind of key DevstackIT creates. */
    static final Map<Caller, Set<String>> KEY_SCOPES = Map.of(
            Caller.READ_KEY, Set.of("members:read", "events:read", "elections:read"),
            Caller.WRITE_KEY, Set.of("members:write", "events:write", "elections:write"));

    record Operation(String method, String path, Set<String> roles, boolean isPublic, String contentType,
                     String keyScope) {
        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String gateway;
    private final Map<Caller, Map<String, String>> credentials;

    AuthorizationMatrix(HttpClient http, String gateway, Map<Caller, Map<String, String>> credentials) {
        this.http = http;
        this.gateway = gateway;
        this.credentials = credentials;
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            JsonNode security = op.getValue().path("security");
            Set<String> roles = new TreeSet<>();
            security.forEach(requirement -> requirement.path("bearer").forEach(role -> roles.add(role.asText())));
            String keyScope = null;
            for (JsonNode requirement : security) {
                if (requirement.path("apiKey").size() == 1) {
                    keyScope = requirement.path("apiKey").get(0).asText();
                }
            }
            Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
            String contentType = types.hasNext() ? types.next() : null;
            operations.add(new Operation(method, concrete(path.getKey(), op.getValue()), roles,
                    anonymousAllowed(security), contentType, keyScope));
        }));
        return operations;
    }

    /** {@code security: []} (or none): public; an empty requirement beside the schemes: a token is optional. */
    static boolean anonymousAllowed(JsonNode security) {
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

    static Expect expect(Operation op, Caller caller) {
        boolean key = caller == Caller.READ_KEY || caller == Caller.WRITE_KEY;
        if (op.path().startsWith("/api-keys")) {
            return caller == Caller.ADMIN ? Expect.ALLOWED
                    : caller == Caller.ANONYMOUS || key ? Expect.UNAUTHENTICATED : Expect.FORBIDDEN;
        }
        if (caller == Caller.READ_KEY && !op.isRead()) {
            return Expect.FORBIDDEN; // the gateway confines the key to reading
        }
        if (key && !op.isPublic() && op.roles().contains("admin") && !covers(KEY_SCOPES.get(caller), op.keyScope())) {
            return Expect.FORBIDDEN; // the service's scope gate: the key lacks the operation's exact scope
        }
        if (op.isPublic()) {
            return Expect.ALLOWED;
        }
        return switch (caller) {
            case ANONYMOUS -> Expect.UNAUTHENTICATED;
            case MEMBER -> op.roles().contains("member") ? Expect.ADMITTED_BUT_MAYBE_SCOPED : Expect.FORBIDDEN;
            case ORGANISER -> op.roles().contains("organiser") ? Expect.ADMITTED_BUT_MAYBE_SCOPED : Expect.FORBIDDEN;
            case ADMIN, READ_KEY, WRITE_KEY -> op.roles().contains("admin") ? Expect.ALLOWED : Expect.FORBIDDEN;
        };
    }

    /** Whether scopes cover a needed one: itself, or write covering read of the same domain. */
    static boolean covers(Set<String> scopes, String needed) {
        if (needed == null) {
            return false;
        }
        return scopes.contains(needed)
                || needed.endsWith(":read") && scopes.contains(needed.replace(":read", ":write"));
    }

    static boolean meets(Expect expect, int status) {
        return switch (expect) {
            case ALLOWED -> status != 401 && status != 403 && status < 500;
            case ADMITTED_BUT_MAYBE_SCOPED -> status != 401 && status < 500;
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
        };
    }

    HttpResponse<String> call(Operation op, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + op.path()));
        credentials.getOrDefault(caller, Map.of()).forEach(request::header);
        if (op.contentType() != null) {
            request.header("Content-Type", op.contentType());
            String body = op.contentType().contains("csv") ? "givenName,familyName,email\n" : "{}";
            request.method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Names of personal-data fields anywhere in a JSON answer. */
    static Set<String> personalFields(String body) {
        Set<String> found = new TreeSet<>();
        try {
            collect(JSON.readTree(body), found);
        } catch (IOException notJson) {
            // not JSON: nothing structured to leak
        }
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            // A place (an event's venue, a roll-up's location) has a public postcode; a person's is personal data.
            boolean place = node.has("venue") || node.has("town") || node.has("latitude");
            node.fields().forEachRemaining(field -> {
                if (PERSONAL_FIELDS.contains(field.getKey()) && !field.getValue().isNull()
                        && !(place && field.getKey().equals("postcode"))) {
                    found.add(field.getKey());
                }
                collect(field.getValue(), found);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, found));
        }
    }

    /** The path with its parameters filled: an enum's first value, an example, else a random UUID. */
    private static String concrete(String template, JsonNode operation) {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String value = schema.path("enum").isArray() && !schema.path("enum").isEmpty()
                    ? schema.path("enum").get(0).asText()
                    : parameter.hasNonNull("example") ? parameter.path("example").asText()
                    : "string".equals(schema.path("type").asText()) && !"uuid".equals(schema.path("format").asText())
                    ? "test" : UUID.randomUUID().toString();
            path = path.replace("{" + parameter.path("name").asText() + "}", value);
        }
        return path;
    }
}
