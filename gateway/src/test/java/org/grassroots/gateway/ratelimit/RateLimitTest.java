package org.grassroots.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.gateway.support.GatewayApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RateLimitTest {

    /** Three requests per key and five per address, refilled only over an hour: the limits are reached at once. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "grassroots.gateway.rate-limit.per-key.capacity", "3",
                    "grassroots.gateway.rate-limit.per-key.period", "PT1H",
                    "grassroots.gateway.rate-limit.per-address.capacity", "5",
                    "grassroots.gateway.rate-limit.per-address.period", "PT1H");
        }
    }

    @Test
    void anApiKeyGetsItsLimitInDraftRateLimitFieldsThenA429ProblemWithRetryAfterWhileAnotherKeyCarriesOn() {
        String key = GatewayApi.createKey("members:read").secret();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-API-Key", key).get("/members").then().statusCode(200)
                    .header("RateLimit-Policy", "\"per-key\";q=3;w=3600")
                    .header("RateLimit", matchesPattern("\"per-key\";r=" + remaining + ";t=[1-9][0-9]*"));
        }
        given().header("X-API-Key", key).get("/members").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", matchesPattern("\"per-key\";r=0;t=[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("type", equalTo("https://grassroots.dev/problems/rate-limited"))
                .body("detail", containsString("API key"));

        String other = GatewayApi.createKey("members:read").secret();
        given().header("X-API-Key", other).get("/members").then().statusCode(200)
                .header("RateLimit", startsWith("\"per-key\";r=2;"));
    }

    @Test
    void requestsWithoutAKeyAreLimitedPerClientAddressWhateverTheirToken() {
        for (int remaining = 4; remaining >= 0; remaining--) {
            given().get("/events").then().statusCode(200)
                    .header("RateLimit-Policy", "\"per-address\";q=5;w=3600")
                    .header("RateLimit", startsWith("\"per-address\";r=" + remaining + ";"));
        }
        given().get("/events").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().header("Authorization", "Bearer forged.token.here").get("/events").then().statusCode(429);
        // The gateway's own endpoints are not proxied and not limited here.
        given().get("/q/health/live").then().statusCode(200);
    }
}
