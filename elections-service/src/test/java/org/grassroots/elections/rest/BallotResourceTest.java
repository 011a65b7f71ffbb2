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
import static org.grassroots.elections.support.ElectionsApi.ecId;
import static org.grassroots.elections.support.ElectionsApi.organisation;
import static org.grassroots.elections.support.ElectionsApi.party;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.slug;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class BallotResourceTest {

    @Test
    void aWardWithItsGssCodeAndSeatsIsReadablePublicly() {
        UUID org = organisation(slug("suffolk"), "Suffolk County Council", "county-council");
        String id = post("/posts", """
                {"organisationId":"%s","slug":"bury-st-edmunds","name":"Bury St Edmunds","kind":"division",
                 "gssCode":"E58000123","seats":2}""".formatted(org)).statusCode(201).extract().path("id");
        given().get("/posts/" + id).then().statusCode(200)
                .body("gssCode", equalTo("E58000123")).body("seats", equalTo(2)).body("kind", equalTo("division"))
                .body("organisationId", equalTo(org.toString()));
        given().queryParam("organisation", org).get("/posts").then().statusCode(200)
                .body("items.slug", hasItem("bury-st-edmunds"));
    }

    @Test
    void aBadGssCodeOrSeatCountIsA400NamingTheField() {
        UUID org = organisation(slug("suffolk"), "Suffolk", "county-council");
        post("/posts", """
                {"organisationId":"%s","slug":"x","name":"X","kind":"ward","gssCode":"E5","seats":0}""".formatted(org))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("gssCode")).body("errors.field", hasItem("seats"));
    }

    @Test
    void aBallotDefaultsItsWinnerCountToTheSeatsAndCanBeLockedAndCancelled() {
        Ward ward = ward(2);
        given().get("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .body("electionId", equalTo("local.%s.2022-05-05".formatted(ward.organisationSlug())))
                .body("winnerCount", equalTo(2)).body("post.name", equalTo("St Olaves"))
                .body("candidatesLocked", equalTo(false)).body("cancelled", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .body("{\"candidatesLocked\":true}").patch("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .body("candidatesLocked", equalTo(true)).body("winnerCount", equalTo(2));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"cancelled\":true}").patch("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .body("cancelled", equalTo(true)).body("candidatesLocked", equalTo(true));
    }

    @Test
    void aByElectionBallotElectsOneByDefaultAndSitsUnderTheOrganisationElection() {
        Ward ward = ward(2);
        post("/elections", "{\"electionId\":\"local.2023-03-02\",\"name\":\"x\"}");
        post("/elections", "{\"electionId\":\"local.%s.2023-03-02\",\"name\":\"Town council\"}"
                .formatted(ward.organisationSlug())).statusCode(201);
        String by = "local.%s.st-olaves.by.2023-03-02".formatted(ward.organisationSlug());
        post("/ballots", "{\"ballotPaperId\":\"%s\",\"postId\":\"%s\"}".formatted(by, ward.postId()))
                .statusCode(201).body("byElection", equalTo(true)).body("winnerCount", equalTo(1))
                .body("name", equalTo("St Olaves by-election 2023-03-02"));
        given().queryParam("parent", "local.%s.2023-03-02".formatted(ward.organisationSlug())).get("/elections")
                .then().statusCode(200).body("items.electionId", hasItem(by)).body("items[0].level", equalTo("ballot"));
    }

    @Test
    void aBallotPatchHonoursIfMatchAndRefusesNullsAndUnknownFieldsChangingNothing() {
        Ward ward = ward(2);
        String etag = given().get("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotNull(etag, "a ballot answers its version as an ETag");
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body("{\"candidatesLocked\":true}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(200).body("candidatesLocked", equalTo(true));
        // the same If-Match again is stale now: 412, and the change is not applied
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body("{\"cancelled\":true}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .body("{\"winnerCount\":null}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(400).body("errors[0].field", equalTo("winnerCount"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .body("{\"seats\":1}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(400).body("errors[0].field", equalTo("seats"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json")
                .body("{\"cancelled\":\"soon\"}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(400).body("errors[0].field", equalTo("cancelled"));
        given().get("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .body("cancelled", equalTo(false)).body("winnerCount", equalTo(2));
    }

    @Test
    void moreWinnersThanSeatsIsRefusedAndChangesNothing() {
        Ward ward = ward(1);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"winnerCount\":3,\"candidatesLocked\":true}").patch("/ballots/" + ward.ballotPaperId())
                .then().statusCode(422).contentType("application/problem+json");
        given().get("/ballots/" + ward.ballotPaperId()).then().statusCode(200)
                .body("winnerCount", equalTo(1)).body("candidatesLocked", equalTo(false));
    }

    @Test
    void aBallotWhosePostBelongsToAnotherOrganisationIsRefused() {
        Ward ward = ward(1);
        UUID otherOrg = organisation(slug("other"), "Other", "district-council");
        UUID otherPost = post(otherOrg, "st-olaves", "St Olaves", 1);
        String id = "local.%s.st-olaves.by.2022-05-05".formatted(ward.organisationSlug());
        post("/ballots", "{\"ballotPaperId\":\"%s\",\"postId\":\"%s\"}".formatted(id, otherPost))
                .statusCode(422).contentType("application/problem+json");
        given().get("/ballots/" + id).then().statusCode(404);
    }

    @Test
    void aBallotIdWithAnUnknownTypeIsA400NamingTheSegment() {
        given().get("/ballots/council.suffolk.st-olaves.2022-05-05").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("electionId"));
        post("/ballots", "{\"ballotPaperId\":\"local.suffolk.2022-05-05\",\"postId\":\"%s\"}".formatted(UUID.randomUUID()))
                .statusCode(400).body("errors[0].field", equalTo("ballotPaperId"));
    }

    @Test
    void partiesCarryTheirElectoralCommissionIdAndOursIsMarked() {
        String ec = ecId();
        UUID labour = party("Labour Party " + ec, ec);
        given().get("/parties/" + labour).then().statusCode(200)
                .body("ecId", equalTo(ec)).body("ourParty", equalTo(false));
        post("/parties", "{\"name\":\"Duplicate\",\"ecId\":\"%s\"}".formatted(ec)).statusCode(409)
                .contentType("application/problem+json");
        post("/parties", "{\"name\":\"Bad\",\"ecId\":\"53\"}").statusCode(400)
                .body("errors[0].field", equalTo("ecId"));
    }
}
