package org.grassroots.gateway.admission;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.grassroots.testing.GrassrootsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class BearerTokenAuthenticationTest {

    @Test
    void aForgedTokenIsA401ProblemAtTheGatewayAndNeverReachesTheService() {
        String requestId = UUID.randomUUID().toString();
        given().header("Authorization", "Bearer " + TestTokens.forged()).header("X-Request-Id", requestId)
                .get("/members/42")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", requestId)
                .body("status", equalTo(401))
                .body("type", equalTo("https://grassroots.dev/problems/unauthenticated"))
                .body("instance", equalTo("/members/42"));
        assertFalse(StubServices.SEEN.contains(requestId), "the service never saw the forged token");
    }

    @Test
    void anExpiredTokenIsA401AndABodyItCarriedIsDropped() {
        String expired = DevTokens.token("someone", List.of("admin"), Duration.ofMinutes(-5));
        String requestId = UUID.randomUUID().toString();
        given().header("Authorization", "Bearer " + expired).header("X-Request-Id", requestId)
                .contentType("application/json").body("{\"givenName\":\"x\"}")
                .post("/members")
                .then().statusCode(401).contentType("application/problem+json");
        assertFalse(StubServices.SEEN.contains(requestId));
    }

    @Test
    void aGarbledOrEmptyBearerTokenIsA401() {
        given().header("Authorization", "Bearer not.a.jwt").get("/events").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/events").then().statusCode(401);
    }

    @Test
    void aValidTokenIsForwardedUnchangedAgainAndAgain() {
        String token = TestTokens.member(UUID.randomUUID());
        for (int i = 0; i < 3; i++) { // the second and third are answered from the verified-token cache
            given().header("Authorization", "Bearer " + token).get("/events/1")
                    .then().statusCode(200)
                    .body("service", equalTo("events"))
                    .body("authorization", equalTo("Bearer " + token));
        }
    }

    @Test
    void anAnonymousRequestPassesThroughForTheServiceToDecide() {
        String requestId = UUID.randomUUID().toString();
        given().header("X-Request-Id", requestId).get("/branches").then().statusCode(200)
                .body("service", equalTo("members"));
        assertTrue(StubServices.SEEN.contains(requestId));
    }
}
