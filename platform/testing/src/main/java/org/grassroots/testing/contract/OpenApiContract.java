package org.grassroots.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The served OpenAPI 3.1 document as a test oracle for answers: each answer the tests receive is matched to its
 * operation (method and path template), its status must be declared (exactly, as {@code 4XX} or as
 * {@code default}), its required headers present, its content type declared, and its body valid against the
 * declared schema. Schemas are checked by an independent JSON Schema validator (networknt, OpenAPI 3.1 dialect,
 * formats asserted), so a document that lies about {@code null}, {@code required} or a format is caught.
 * <p>
 * Requests outside the document (health, metrics, the document itself, unknown paths or methods) are counted
 * apart and not validated. Thread-safe: the tests send requests concurrently.
 */
public final class OpenApiContract {

    /** Where the document is registered for the validator; never fetched. */
    private static final String DOCUMENT_IRI = "https://grassroots.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENT_MEMBERS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One validated answer that contradicts the document. */
    public record Mismatch(String operationId, String method, String path, int status, String problem) {
        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ") " + status + ": " + problem;
        }
    }

    private record Operation(String id, String method, String template, Pattern pattern, int literalSegments,
                             String pointer, JsonNode node) {
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> validated = new ConcurrentHashMap<>();
    private final LongAdder outside = new LongAdder();
    private final List<Mismatch> mismatches = Collections.synchronizedList(new ArrayList<>());

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        // The OpenAPI 3.1 dialect; the document's own top-level members are not schema keywords.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance()).keywords(DOCUMENT_MEMBERS.stream()
                .map(NonValidationKeyword::new).toList()).build();
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, text))));
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                String template = path.getKey();
                operations.add(new Operation(op.getValue().path("operationId").asText(template),
                        op.getKey().toUpperCase(Locale.ROOT), template, templatePattern(template),
                        (int) List.of(template.split("/")).stream().filter(s -> !s.startsWith("{")).count(),
                        "/paths/" + escape(template) + "/" + op.getKey(), op.getValue()));
            }
        }));
        // The most literal template wins: /members/export before /members/{id}.
        operations.sort(Comparator.comparingInt(Operation::literalSegments).reversed());
    }

    public static OpenApiContract of(JsonNode document) {
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new IllegalArgumentException("an OpenAPI 3.1 document is expected, got " + document.path("openapi"));
        }
        return new OpenApiContract(document);
    }

    /** The merged document as integrators fetch it ({@code /q/openapi?format=json}) from a running gateway. */
    public static OpenApiContract servedBy(String gatewayUrl) {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(
                    URI.create(gatewayUrl + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi -> " + document.statusCode());
            }
            return of(document.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static OpenApiContract of(String documentJson) {
        try {
            return of(JSON.readTree(documentJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("the document is not JSON", e);
        }
    }

    /**
     * Checks one answer and records the outcome.
     *
     * @param headers the answer's headers; names case-insensitive
     * @return the mismatches found in this answer; empty when it matches or is outside the document
     */
    public List<Mismatch> check(String method, URI uri, int status, Function<String, Optional<String>> headers,
                                String body) {
        String path = uri.getRawPath();
        Optional<Operation> found = operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches()).findFirst();
        if (found.isEmpty()) {
            outside.increment();
            return List.of();
        }
        Operation op = found.get();
        validated.computeIfAbsent(op.id(), k -> new LongAdder()).increment();
        List<Mismatch> result = new ArrayList<>();
        for (String problem : problems(op, status, headers, body)) {
            result.add(new Mismatch(op.id(), method, path, status, problem));
        }
        mismatches.addAll(result);
        return result;
    }

    private List<String> problems(Operation op, int status, Function<String, Optional<String>> headers, String body) {
        JsonNode responses = op.node().path("responses");
        String code = String.valueOf(status);
        String key = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            return List.of("status " + status + " is not declared (declared: " + fieldNames(responses) + ")");
        }
        JsonNode response = resolve(responses.path(key));
        String pointer = op.pointer() + "/responses/" + escape(key);
        List<String> problems = new ArrayList<>();
        response.path("headers").fields().forEachRemaining(h -> {
            JsonNode header = resolve(h.getValue());
            if (header.path("required").asBoolean(false) && headers.apply(h.getKey()).isEmpty()) {
                problems.add("required header " + h.getKey() + " is missing");
            }
        });
        boolean hasBody = body != null && !body.isEmpty() && !op.method().equals("HEAD");
        JsonNode content = response.path("content");
        if (!hasBody) {
            return problems;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            problems.add("a body is sent but none is declared");
            return problems;
        }
        String contentType = headers.apply("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!content.has(contentType)) {
            problems.add("content type '" + contentType + "' is not declared (declared: " + fieldNames(content) + ")");
            return problems;
        }
        JsonNode schemaNode = content.path(contentType).path("schema");
        if (schemaNode.isMissingNode() || !(contentType.endsWith("json"))) {
            return problems; // CSV, YAML and text answers are checked by content type only
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON though declared " + contentType);
            return problems;
        }
        String schemaPointer = (responses.path(key).has("$ref") ? refPointer(responses.path(key)) : pointer)
                + "/content/" + escape(contentType) + "/schema";
        JsonSchema schema = compiled.computeIfAbsent(schemaPointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p), config));
        for (ValidationMessage message : schema.validate(instance)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    /** Every answer that contradicted the document so far. */
    public List<Mismatch> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    /** Answers validated, by operationId. */
    public Map<String, Long> validatedByOperation() {
        Map<String, Long> counts = new TreeMap<>();
        validated.forEach((op, n) -> counts.put(op, n.sum()));
        return counts;
    }

    /** Operations of the document no answer was validated for. */
    public List<String> neverExercised() {
        return operations.stream().map(Operation::id).filter(id -> !validated.containsKey(id)).sorted().toList();
    }

    public int operationCount() {
        return operations.size();
    }

    /** Answers to requests the document does not describe (health, metrics, unknown paths). */
    public long outsideTheDocument() {
        return outside.sum();
    }

    /** A short Markdown summary: totals, per operation, never exercised, the first mismatches. */
    public String summary() {
        Map<String, Long> counts = validatedByOperation();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder md = new StringBuilder();
        md.append(total).append(" answers validated against the served document over ").append(counts.size())
                .append(" of ").append(operations.size()).append(" operations; ").append(mismatches().size())
                .append(" mismatches; ").append(outsideTheDocument()).append(" answers outside the document.\n\n");
        md.append("| operation | answers validated |\n|---|---:|\n");
        counts.forEach((op, n) -> md.append("| ").append(op).append(" | ").append(n).append(" |\n"));
        md.append("\nNever exercised: ").append(neverExercised().isEmpty() ? "none" : String.join(", ", neverExercised()))
                .append('\n');
        List<Mismatch> all = mismatches();
        if (!all.isEmpty()) {
            md.append("\nMismatches (first 50):\n\n");
            all.stream().limit(50).forEach(m -> md.append("- ").append(m.toString().replace("|", "\\|")).append('\n'));
        }
        return md.toString();
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            node = document.at(refPointer(node));
        }
        return node;
    }

    private static String refPointer(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        return ref.substring(1);
    }

    private static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return String.join(", ", names);
    }
}
