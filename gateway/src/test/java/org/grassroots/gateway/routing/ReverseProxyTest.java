package org.grassroots.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.grassroots.testing.GrassrootsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReverseProxyTest {

    @Test
    void eachPathPrefixReachesTheServiceThatOwnsIt() {
        given().get("/members/42?fields=id").then().statusCode(200)
                .body("service", equalTo("members")).body("uri", equalTo("/members/42?fields=id"));
        given().get("/events").then().statusCode(200).body("service", equalTo("events"));
        given().get("/campaigns/x").then().statusCode(200).body("service", equalTo("events"));
        given().get("/elections").then().statusCode(200).body("service", equalTo("elections"));
        given().get("/office-holders/7").then().statusCode(200).body("service", equalTo("elections"));
        given().get("/webhook-endpoints/9/attempts").then().statusCode(200).body("service", equalTo("webhooks"));
    }

    @Test
    void aPostBodyAndTheCredentialsArriveWholeAndARequestIdIsGeneratedAndEchoed() {
        String body = "{\"note\":\"" + "x".repeat(300_000) + "\"}";
        String token = TestTokens.admin();
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/members")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length()))
                .body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void aRequestWithoutABodyIsForwardedWithoutOne() {
        // Not turned into a chunked request with an empty body, which the service would have to read.
        given().header("Authorization", "Bearer " + TestTokens.admin()).get("/members/42")
                .then().statusCode(200)
                .body("method", equalTo("GET")).body("bodyBytes", equalTo(0)).body("transferEncoding", equalTo("null"));
        given().contentType(ContentType.JSON).body("").post("/events")
                .then().statusCode(200).body("bodyBytes", equalTo(0)).body("transferEncoding", equalTo("null"));
        given().contentType(ContentType.JSON).body("{}").post("/events")
                .then().statusCode(200).body("bodyBytes", equalTo(2));
    }

    @Test
    void aClientsRequestIdIsPropagated() {
        given().header("X-Request-Id", "client-req-1").get("/events")
                .then().statusCode(200).header("X-Request-Id", "client-req-1").body("requestId", equalTo("client-req-1"));
    }

    @Test
    void anUnreachableServiceIsA503ProblemWithinTwoSeconds() {
        Instant start = Instant.now();
        given().get("/down/anything").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503)).body("title", equalTo("Service unavailable"));
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2000);
    }

    @Test
    void aServiceSlowerThanTheTimeoutIsA504Problem() {
        given().get("/slow/thing").then().statusCode(504)
                .contentType("application/problem+json").body("title", equalTo("Gateway timeout"));
    }

    @Test
    void readinessReportsEachServiceAndIsDownWhileOneIsUnreachable() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.members", equalTo("UP"))
                .body("checks[0].data.down", equalTo("UNREACHABLE"));
    }

    @Test
    void prometheusCountsRequestsPerServiceMethodAndStatusClass() {
        given().get("/elections").then().statusCode(200);
        given().get("/down/x").then().statusCode(503);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("grassroots_gateway_requests_seconds_count")
                && l.contains("service=\"elections\"") && l.contains("status=\"2xx\"")), "elections 2xx counted");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("grassroots_gateway_requests_seconds_count")
                && l.contains("service=\"down\"") && l.contains("status=\"5xx\"")), "unavailable service counted");
    }

    @Test
    void theMergedOpenApiDocumentListsTheOperationsOfAllThreeServices() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/members"))
                .body("paths", hasKey("/members/{id}"))
                .body("paths", hasKey("/events"))
                .body("paths", hasKey("/elections"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("info.title", equalTo("Grassroots API"));
    }
}
