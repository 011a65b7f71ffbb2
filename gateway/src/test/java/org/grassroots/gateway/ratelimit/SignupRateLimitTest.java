package org.grassroots.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(SignupRateLimitTest.SmallSignupBudget.class)
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class SignupRateLimitTest {

    /** Two sign-ups per address an hour, far more of everything else. */
    public static class SmallSignupBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "grassroots.gateway.rate-limit.per-address.capacity", "100",
                    "grassroots.gateway.rate-limit.per-address.period", "PT1H",
                    "grassroots.gateway.rate-limit.signups.capacity", "2",
                    "grassroots.gateway.rate-limit.signups.period", "PT1H");
        }
    }

    @Test
    void thePublicJoinFormHasItsOwnSmallBudgetPerAddressWhileOtherRequestsCarryOn() {
        for (int remaining = 1; remaining >= 0; remaining--) {
            given().contentType("application/json").body("{}").post("/signups").then().statusCode(200)
                    .body("service", equalTo("members"))
                    .header("RateLimit-Policy", "\"signups\";q=2;w=3600")
                    .header("RateLimit", startsWith("\"signups\";r=" + remaining + ";"));
        }
        given().contentType("application/json").body("{}").post("/signups").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("sign-ups"));
        given().get("/events").then().statusCode(200).header("RateLimit-Policy", "\"per-address\";q=100;w=3600");
    }
}
