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

import java.util.List;

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
}
