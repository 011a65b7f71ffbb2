package org.grassroots.gateway.apikeys;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.gateway.routing.StubServices;
import org.grassroots.gateway.support.GatewayApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ApiKeyResourceTest {

    private static String admin() {
        return "Bearer " + TestTokens.admin();
    }

    @Test
    void anAdminCreatesAKeyWhoseSecretIsShownOnlyInTheAnswerToItsCreation() {
        var created = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Mailer sync\",\"scopes\":[\"members:read\",\"events:write\",\"members:read\"]}")
                .post("/api-keys")
                .then().statusCode(201)
                .header("Location", containsString("/api-keys/"))
                .body("key", startsWith("grk_"))
                .body("scopes", contains("members:read", "events:write"))
                .body("active", equalTo(true))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("key");

        given().header("Authorization", admin()).get("/api-keys/" + id).then().statusCode(200)
                .body("name", equalTo("Mailer sync"))
                .body("prefix", equalTo(secret.substring(0, 10)))
                .body("key", nullValue());
        String list = given().header("Authorization", admin()).get("/api-keys").then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(list.contains(secret), "the list never shows a secret");
    }

    @Test
    void onlyAnAdminTokenManagesKeysNotAMemberNotAnonymousNorAnApiKey() {
        given().get("/api-keys").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer " + TestTokens.forged()).get("/api-keys").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.member(UUID.randomUUID())).get("/api-keys")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", "Bearer " + TestTokens.organiser(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"members:write\"]}").post("/api-keys").then().statusCode(403);
        String writeKey = GatewayApi.createKey("members:write", "events:write", "elections:write").secret();
        given().header("X-API-Key", writeKey).get("/api-keys").then().statusCode(401);
        given().header("Authorization", "ApiKey " + writeKey).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"members:write\"]}").post("/api-keys").then().statusCode(401);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemNotAnEmptyAnswer() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "A".repeat(1_100_000) + "\",\"scopes\":[\"members:read\"]}")
                .post("/api-keys")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/content-too-large"));
    }

    @Test
    void anInvalidRequestIsA400ProblemNamingTheFieldAndStoresNothing() {
        int before = given().header("Authorization", admin()).get("/api-keys").then().extract().path("items.size()");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"members:delete\"]}").post("/api-keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scopes"))
                .body("errors[0].message", containsString("members:delete"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"  \",\"scopes\":[]}").post("/api-keys")
                .then().statusCode(400).body("errors.field", contains("name", "scopes"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"scopes\":[\"members:read\"],\"admin\":true}").post("/api-keys")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":").post("/api-keys")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin()).get("/api-keys").then().body("items.size()", equalTo(before));
    }

    @Test
    void revokingAnUnknownKeyIsA404AndRevokingTwiceKeepsTheFirstRevocation() {
        given().header("Authorization", admin()).delete("/api-keys/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin()).get("/api-keys/not-a-uuid").then().statusCode(not(equalTo(500)));
        String id = GatewayApi.createKey("elections:read").id();
        given().header("Authorization", admin()).delete("/api-keys/" + id).then().statusCode(204);
        String revokedAt = given().header("Authorization", admin()).get("/api-keys/" + id).then()
                .body("active", equalTo(false)).extract().path("revokedAt");
        given().header("Authorization", admin()).delete("/api-keys/" + id).then().statusCode(204);
        given().header("Authorization", admin()).get("/api-keys/" + id).then().body("revokedAt", equalTo(revokedAt));
    }
}
