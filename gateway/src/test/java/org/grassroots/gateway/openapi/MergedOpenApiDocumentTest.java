package org.grassroots.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document clients generate code from, as served, checked by an independent parser (swagger-parser). */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class MergedOpenApiDocumentTest {

    private static OpenAPI served() {
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertEquals(List.of(), result.getMessages(), "swagger-parser finds the merged document valid");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void theServedDocumentIsValidForAnIndependentParser() {
        OpenAPI api = served();
        assertTrue(api.getPaths().size() > 20, "the services' operations are there: " + api.getPaths().size());
        assertTrue(api.getPaths().containsKey("/api-keys"), "and the gateway's own");
    }

    @Test
    void theWebhooksServicesOperationsAndTheBodiesItDeliversAreInTheDocument() {
        OpenAPI api = served();
        assertTrue(api.getPaths().containsKey("/webhook-endpoints/{id}/attempts"), "the delivery log is routed");
        assertTrue(api.getWebhooks().keySet().containsAll(List.of("ping", "org.grassroots.member.joined.v1",
                "org.grassroots.office-holder.changed-party.v1")), "webhooks: " + api.getWebhooks().keySet());
        var joined = api.getWebhooks().get("org.grassroots.member.joined.v1").getPost().getRequestBody()
                .getContent().get("application/json").getSchema();
        assertEquals(Set.of("type", "timestamp", "data"), joined.getProperties().keySet());
        assertTrue(((io.swagger.v3.oas.models.media.Schema<?>) joined.getProperties().get("data")).getProperties()
                .containsKey("memberId"));
        assertFalse(api.getWebhooks().containsKey("org.grassroots.member.state.v1"), "no endpoint receives it");
    }

    @Test
    void itDeclaresBearerAndApiKeySchemesAndEveryProtectedOperationAcceptsEither() {
        OpenAPI api = served();
        var schemes = api.getComponents().getSecuritySchemes();
        assertEquals("bearer", schemes.get("bearer").getScheme());
        assertEquals("X-API-Key", schemes.get("apiKey").getName());
        long protectedOperations = api.getPaths().entrySet().stream()
                .filter(p -> !p.getKey().startsWith("/api-keys"))
                .flatMap(p -> p.getValue().readOperations().stream())
                .filter(o -> o.getSecurity() != null && !o.getSecurity().isEmpty())
                .peek(o -> assertTrue(o.getSecurity().stream().map(SecurityRequirement::keySet)
                        .anyMatch(k -> k.contains("apiKey")), o.getOperationId() + " " + o.getSummary()))
                .count();
        assertTrue(protectedOperations > 10, "protected operations: " + protectedOperations);
    }

    @Test
    void theParserCatchesABrokenDocumentSoTheCheckAbove() {
        String yaml = given().get("/q/openapi").then().extract().asString()
                .replaceFirst("#/components/schemas/[A-Za-z]+", "#/components/schemas/NoSuchSchema");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        assertFalse(new OpenAPIV3Parser().readContents(yaml, null, options).getMessages().isEmpty(),
                "a dangling $ref is reported");
    }

    @Test
    void itNamesTheGatewaysPublicUrlAsServer() {
        OpenAPI api = served();
        assertFalse(api.getServers().isEmpty());
        assertEquals("http://localhost:8080", api.getServers().getFirst().getUrl());
    }

    private static Stream<Map.Entry<String, Operation>> operations(OpenAPI api) {
        return api.getPaths().entrySet().stream().flatMap(path -> path.getValue().readOperationsMap().entrySet()
                .stream().map(op -> Map.entry(op.getKey() + " " + path.getKey(), op.getValue())));
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationIdAndATag() {
        OpenAPI api = served();
        Set<String> ids = new HashSet<>();
        long count = operations(api).peek(op -> {
            String id = op.getValue().getOperationId();
            assertNotNull(id, op.getKey() + " has an operationId");
            assertTrue(id.matches("[a-z][a-zA-Z0-9]*"), op.getKey() + ": camelCase " + id);
            assertTrue(ids.add(id), op.getKey() + ": unique " + id);
            assertFalse(op.getValue().getTags() == null || op.getValue().getTags().isEmpty(), op.getKey() + " has a tag");
        }).count();
        assertTrue(count >= 86, "the services' and the gateway's operations: " + count);
        assertTrue(ids.containsAll(List.of("listMembers", "createMember", "recordRsvp", "recordWalkIn",
                "getCampaignRollUp", "declareBallotResult", "createApiKey")), "the names clients are generated with");
    }

    @Test
    void publicOperationsSaySoAndTheOnlySchemesAreBearerAndApiKey() {
        OpenAPI api = served();
        assertEquals(Set.of("bearer", "apiKey"), api.getComponents().getSecuritySchemes().keySet());
        operations(api).forEach(op -> assertNotNull(op.getValue().getSecurity(),
                op.getKey() + " declares its security (security: [] when public)"));
        Operation elections = api.getPaths().get("/elections").getGet();
        assertEquals(List.of(), elections.getSecurity(), "listElections is public");
        Operation rsvp = api.getPaths().get("/events/{eventId}/timeslots/{timeslotId}/rsvps").getPost();
        assertTrue(rsvp.getSecurity().stream().anyMatch(Map::isEmpty), "recordRsvp: anonymous allowed");
        assertTrue(rsvp.getSecurity().stream().anyMatch(r -> r.containsKey("bearer")), "recordRsvp: or with a token");
    }

    @Test
    void everyErrorAnswerIsAProblemAndCommonOnesAreDeclaredOnce() {
        OpenAPI api = served();
        operations(api).forEach(op -> op.getValue().getResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                assertNotNull(response.getContent(), op.getKey() + " " + code + " has a body");
                assertEquals(Set.of("application/problem+json"), response.getContent().keySet(),
                        op.getKey() + " " + code + " is a problem");
            }
        }));
        var createMember = api.getPaths().get("/members").getPost().getResponses();
        assertTrue(createMember.keySet().containsAll(List.of("201", "400", "401", "403", "409", "413", "415", "429")),
                "createMember lists its answers: " + createMember.keySet());
        assertNotNull(createMember.get("201").getHeaders().get("Location"), "a 201 says where");
        assertNotNull(createMember.get("429").getHeaders().get("Retry-After"), "a 429 says when");
        assertNotNull(createMember.get("201").getHeaders().get("RateLimit-Policy"), "proxied answers carry the limit");
    }

    @Test
    void answersDeclareEveryFieldPresentAndListsTheirNextCursorAsStringOrNull() {
        OpenAPI api = served();
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> pages = schemas.keySet().stream().filter(n -> n.endsWith("Page")).toList();
        assertTrue(pages.size() >= 10, "list answers: " + pages);
        for (String page : pages) {
            Schema<?> schema = schemas.get(page);
            assertTrue(schema.getRequired() != null && schema.getRequired().containsAll(List.of("items", "nextCursor")),
                    page + " requires items and nextCursor: " + schema.getRequired());
            Schema<?> cursor = (Schema<?>) schema.getProperties().get("nextCursor");
            assertEquals(Set.of("string", "null"), cursor.getTypes(), page + ".nextCursor is string or null");
        }
        Schema<?> problem = schemas.get("Problem");
        assertEquals(Set.of("type", "title", "status"), Set.copyOf(problem.getRequired()), "a problem's optional members stay so");
    }

    @Test
    void theEventsCatalogueIsServedAndLinkedFromTheDocument() {
        assertTrue(served().getInfo().getDescription().contains("(/q/asyncapi)"), "linked from the description");
        given().get("/q/asyncapi").then().statusCode(200).contentType("application/yaml")
                .body(org.hamcrest.Matchers.startsWith("asyncapi: 3.0.0"));
        given().get("/q/asyncapi?format=json").then().statusCode(200).contentType("application/json")
                .body("asyncapi", org.hamcrest.Matchers.equalTo("3.0.0"))
                .body("channels.members", org.hamcrest.Matchers.notNullValue());
    }
}
