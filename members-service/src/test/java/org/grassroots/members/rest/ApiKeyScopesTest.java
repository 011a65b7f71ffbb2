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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What a key's token (as the gateway mints it) may do here is what its scopes say, not what an admin may. */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class ApiKeyScopesTest {

    @Test
    void aMembersWriteKeyJoinsPeopleButMayNotEraseExportOrGrantRoles() {
        String write = TestTokens.apiKey("members:write");
        String id = given().auth().oauth2(write).contentType(ContentType.JSON).body("""
                {"givenName":"Wren","familyName":"Website","email":"%s"}""".formatted(MembersApi.email("wren")))
                .post("/members").then().statusCode(201).extract().path("id");
        given().auth().oauth2(write).get("/members/" + id).then().statusCode(200);

        given().auth().oauth2(write).post("/members/" + id + "/erasure").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("members:erase"));
        given().auth().oauth2(write).get("/members/export").then().statusCode(403)
                .body("detail", containsString("members:export"));
        given().auth().oauth2(write).get("/members/" + id + "/export").then().statusCode(403)
                .body("detail", containsString("members:export"));
        given().auth().oauth2(write).put("/members/" + id + "/roles/spokesperson").then().statusCode(403)
                .body("detail", containsString("members:roles"));
        given().auth().oauth2(write).contentType(ContentType.JSON).body("{\"email\":\"not.kept@example.org\"}")
                .post("/erasures").then().statusCode(403).body("detail", containsString("members:erase"));
        // Nothing happened: the person is there, without the role.
        given().auth().oauth2(TestTokens.admin()).get("/members/" + id).then().statusCode(200)
                .body("roles.size()", equalTo(0));
    }

    @Test
    void eachDangerousScopeOpensItsOwnOperationsOnly() {
        UUID id = MembersApi.member(TestTokens.admin(), MembersApi.email("scoped"), "");
        given().auth().oauth2(TestTokens.apiKey("members:roles")).put("/members/" + id + "/roles/spokesperson")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.apiKey("members:export")).get("/members/" + id + "/export")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.apiKey("members:export")).contentType(ContentType.JSON)
                .body("{\"givenName\":\"No\",\"familyName\":\"Write\",\"email\":\"no.write@example.org\"}")
                .post("/members").then().statusCode(403).body("detail", containsString("members:write"));
        given().auth().oauth2(TestTokens.apiKey("members:read")).post("/members/" + id + "/erasure")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("members:erase")).post("/members/" + id + "/erasure")
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.apiKey("members:erase")).contentType(ContentType.JSON)
                .body("{\"email\":\"never.a.member@example.org\"}").post("/erasures").then().statusCode(201);
    }

    @Test
    void aKeyForAnotherDomainHasNoRoleHere() {
        given().auth().oauth2(TestTokens.apiKey("events:write")).get("/members").then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("events:write")).contentType(ContentType.JSON)
                .body("{\"name\":\"Nowhere\",\"code\":\"NW\"}").post("/branches").then().statusCode(403);
    }
}
