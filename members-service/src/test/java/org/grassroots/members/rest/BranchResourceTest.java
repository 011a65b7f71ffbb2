package org.grassroots.members.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class BranchResourceTest {

    @Test
    void anAdminCreatesABranchThatAnyoneCanRead() {
        UUID id = MembersApi.branch("Plymouth", "pl", "PL1");
        given().get("/branches/" + id).then().statusCode(200)
                .body("postcodeDistricts", contains("PL", "PL1"))
                .body("slug", org.hamcrest.Matchers.startsWith("plymouth-"));
    }

    @Test
    void aSecondBranchWithTheSameNameIsAConflict() {
        String name = "Camden " + UUID.randomUUID();
        String body = "{\"name\":\"%s\",\"postcodeDistricts\":[\"NW1\"]}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body.formatted(name))
                .post("/branches").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body.formatted(name.toUpperCase()))
                .post("/branches").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsCreateBranchesAndDistrictsMustLookLikeDistricts() {
        given().auth().oauth2(TestTokens.organiser(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"Rogue\",\"postcodeDistricts\":[]}")
                .post("/branches").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Bad districts\",\"postcodeDistricts\":[\"PL1 1AA\"]}")
                .post("/branches").then().statusCode(400)
                .body("errors[0].field", equalTo("postcodeDistricts[0]"));
    }
}
