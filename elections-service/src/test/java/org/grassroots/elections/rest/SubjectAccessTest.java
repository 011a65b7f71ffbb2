package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.officeHolder;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The internal answer members-service assembles the subject-access export from. */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class SubjectAccessTest {

    @Test
    void aMembersOfficeHoldingsAreHeldForTheirExportAndForNobodyElses() {
        Ward ward = ward(1);
        UUID memberId = member("active");
        String id = officeHolder("Hollis Heldoffice", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(ourParty())).statusCode(201)
                .extract().path("officeHolder.id");
        String request = "{\"memberId\":\"%s\",\"emails\":[]}".formatted(memberId);

        given().auth().oauth2(TestTokens.member(memberId)).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(200)
                .body("officeHoldings", hasSize(1)).body("officeHoldings[0].officeHolderId", equalTo(id))
                .body("officeHoldings[0].name", equalTo("Hollis Heldoffice")).body("candidacies", hasSize(0));
        given().auth().oauth2(TestTokens.apiKey("members:export")).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(200).body("officeHoldings", hasSize(1));
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("elections:write")).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(403);
        given().contentType(ContentType.JSON).body(request).post("/internal/subject-access").then().statusCode(401);
    }
}
