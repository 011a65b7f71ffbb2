package org.grassroots.gateway.apikeys;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.gateway.support.GatewayApi;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ApiKeyExchangeTest {

    @Test
    void aReadKeyReachesItsDomainWithAShortLivedTokenSignedByTheGatewayAndTheKeyGoesNoFurther() throws Exception {
        String key = GatewayApi.createKey("members:read").secret();
        String authorization = given().header("X-API-Key", key).get("/members?limit=5")
                .then().statusCode(200)
                .body("service", equalTo("members"))
                .body("apiKey", equalTo("null"))
                .body("authorization", startsWith("Bearer "))
                .extract().path("authorization");
        String jwt = authorization.substring("Bearer ".length());
        String claims = GatewayApi.claims(jwt);
        assertTrue(claims.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), claims);
        assertTrue(claims.contains("\"groups\":[\"integration\"]"), "no role, only the integration group: " + claims);
        assertTrue(claims.contains("\"scope\":\"members:read\""), claims);
        assertTrue(claims.contains("\"sub\":\"api-key:"), claims);
        assertTrue(GatewayApi.header(jwt).contains("\"kid\":\"grassroots-gateway\""));
        assertTrue(signedByTheGatewaysKey(jwt), "verifies with the gateway's public key");

        String again = given().header("X-API-Key", key).get("/branches").then().statusCode(200)
                .extract().path("authorization");
        assertTrue(again.equals(authorization), "the minted token is reused while it is fresh");
    }

    @Test
    void aReadKeyCannotWriteNorTouchAnotherDomainAndTheServiceNeverSeesTheAttempt() {
        String key = GatewayApi.createKey("members:read").secret();
        String requestId = UUID.randomUUID().toString();
        given().header("X-API-Key", key).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body("{\"givenName\":\"x\"}").post("/members")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("members:read"));
        given().header("X-API-Key", key).get("/events").then().statusCode(403).contentType("application/problem+json");
        given().header("X-API-Key", key).delete("/branches/1").then().statusCode(403);
        assertFalse(StubServices.SEEN.contains(requestId));
    }

    @Test
    void aWriteKeyWritesAndReadsItsDomainAlsoThroughTheApiKeyAuthorizationScheme() {
        String key = GatewayApi.createKey("events:write").secret();
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body("{}").post("/events")
                .then().statusCode(200).body("service", equalTo("events")).body("method", equalTo("POST"))
                .body("authorization", startsWith("Bearer ey"));
        given().header("Authorization", "ApiKey " + key).get("/campaigns").then().statusCode(200);
        given().header("Authorization", "ApiKey " + key).get("/elections").then().statusCode(403);
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequest() {
        GatewayApi.CreatedKey key = GatewayApi.createKey("elections:read");
        given().header("X-API-Key", key.secret()).get("/elections").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.admin()).delete("/api-keys/" + key.id())
                .then().statusCode(204);
        given().header("X-API-Key", key.secret()).get("/elections").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey")
                .body("detail", containsString("revoked"));
    }

    @Test
    void anUnknownKeyIsA401Problem() {
        given().header("X-API-Key", "grk_" + "A".repeat(43)).get("/members").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "x".repeat(500)).get("/members").then().statusCode(401);
    }

    @Test
    void aKeyPastItsExpiryIsUnknownAndItsMintedTokenNeverOutlivesIt() throws Exception {
        // The key's expiry is on the suite's clock (moved by GRASSROOTS_CLOCK_OFFSET); the token's on the system clock.
        java.time.OffsetDateTime expiresAt = org.grassroots.testing.TestClock.now().plusSeconds(3);
        long systemDeadline = java.time.Instant.now().plusSeconds(4).getEpochSecond();
        var created = given().header("Authorization", "Bearer " + TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"short-lived\",\"scopes\":[\"members:read\"],\"expiresAt\":\"%s\"}"
                        .formatted(expiresAt))
                .post("/api-keys").then().statusCode(201).body("expiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        String key = created.getString("key");
        String authorization = given().header("X-API-Key", key).get("/members").then().statusCode(200)
                .extract().path("authorization");
        String claims = GatewayApi.claims(authorization.substring("Bearer ".length()));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertTrue(exp <= systemDeadline, "the token expires with the key: " + claims);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> org.grassroots.testing.TestClock.now().isAfter(expiresAt.plusSeconds(1)));
        given().header("X-API-Key", key).get("/members").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.admin()).get("/api-keys/" + created.getString("id"))
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void aKeyThatWasUsedShowsWhenAndOneWhoseExpiryHasPassedCannotBeCreated() {
        GatewayApi.CreatedKey key = GatewayApi.createKey("members:read");
        given().header("Authorization", "Bearer " + TestTokens.admin()).get("/api-keys/" + key.id())
                .then().statusCode(200).body("lastUsedAt", org.hamcrest.Matchers.nullValue());
        given().header("X-API-Key", key.secret()).get("/members").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                given().header("Authorization", "Bearer " + TestTokens.admin()).get("/api-keys/" + key.id())
                        .then().extract().path("lastUsedAt") != null);
        given().header("Authorization", "Bearer " + TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"members:read\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .post("/api-keys").then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void theDangerousMembersScopesExistAndPassTheGatewayForTheirDomainOnly() {
        String key = GatewayApi.createKey("members:erase").secret();
        given().header("X-API-Key", key).post("/members/x/erasure").then().statusCode(200)
                .body("service", equalTo("members"));
        given().header("X-API-Key", key).get("/events").then().statusCode(403);
    }

    private static boolean signedByTheGatewaysKey(String jwt) throws Exception {
        String pem = DevTokens.gatewayPublicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
        int lastDot = jwt.lastIndexOf('.');
        rsa.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
    }
}
