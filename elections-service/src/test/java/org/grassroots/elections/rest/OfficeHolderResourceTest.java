package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.elections.support.ElectionsApi.ecId;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.officeHolder;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.party;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class OfficeHolderResourceTest {

    @Test
    void aCouncillorWhoCrossesTheFloorKeepsOneRecordWithTwoAffiliationsAndTheChangeInTheirHistory() {
        Ward ward = ward(2);
        String ec = ecId();
        UUID libDems = party("Liberal Democrats " + ec, ec);
        UUID ours = ourParty();
        UUID memberId = member("active");
        long oursBefore = currentOfficeHolders(ours);
        String id = officeHolder("Alex Example", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(libDems))
                .statusCode(201).body("memberId", equalTo(memberId.toString()))
                .extract().path("officeHolder.id");

        post("/office-holders/" + id + "/party-changes", """
                {"partyId":"%s","date":"2023-02-01","reason":"Left the Liberal Democrats and joined us"}""".formatted(ours))
                .statusCode(200).body("officeHolder.currentParty.id", equalTo(ours.toString()));

        given().get("/office-holders/" + id).then().statusCode(200)
                .body("name", equalTo("Alex Example"))
                .body("post.name", equalTo("St Olaves"))
                .body("post.organisationName", containsString("Bury St Edmunds Town Council"))
                .body("startDate", equalTo("2022-05-05"))
                .body("affiliations.onBehalfOf.id", contains(libDems.toString(), ours.toString()))
                .body("affiliations[0].endDate", equalTo("2023-01-31"))
                .body("affiliations[0].endReason", equalTo("Left the Liberal Democrats and joined us"))
                .body("affiliations[1].startDate", equalTo("2023-02-01"))
                .body("affiliations[1].endDate", nullValue())
                .body("currentParty.ecId", equalTo("PP9999"))
                .body("history.kind", contains("took_office", "changed_party"))
                .body("history[1].fromParty.id", equalTo(libDems.toString()))
                .body("history[1].toParty.id", equalTo(ours.toString()))
                .body("history[1].effectiveDate", equalTo("2023-02-01"));
        assertEquals(oursBefore + 1, currentOfficeHolders(ours));
        given().queryParam("party", ours).queryParam("limit", 200).get("/office-holders").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void publicReadsOfOfficeHoldersCarryNoMemberLink() {
        Ward ward = ward(1);
        UUID memberId = member("active");
        String id = officeHolder("Sam Public", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(ourParty())).statusCode(201)
                .extract().path("officeHolder.id");
        String single = given().get("/office-holders/" + id).then().statusCode(200).extract().asString();
        String list = given().queryParam("post", ward.postId()).get("/office-holders").then().statusCode(200)
                .body("items.id", contains(id)).extract().asString();
        for (String body : new String[] {single, list}) {
            assertEquals(-1, body.indexOf("memberId"), body);
            assertEquals(-1, body.indexOf(memberId.toString()), body);
        }
        given().get("/office-holders/" + id + "/record").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).get("/office-holders/" + id + "/record").then().statusCode(200)
                .body("memberId", equalTo(memberId.toString()));
    }

    @Test
    void overlappingAffiliationsAreRefusedAndNothingIsWritten() {
        Ward ward = ward(1);
        String ec = ecId();
        UUID labour = party("Labour " + ec, ec);
        officeHolder("Overlapping Person", ward.postId(), null, """
                [{"partyId":"%s","startDate":"2022-05-05","endDate":"2023-03-01"},
                 {"startDate":"2023-02-01"}]""".formatted(labour))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/overlapping-affiliations"));
        given().queryParam("post", ward.postId()).get("/office-holders").then().statusCode(200).body("items", empty());
    }

    @Test
    void aPartyChangeThatWouldOverlapTheCurrentAffiliationIsRefusedAndChangesNothing() {
        Ward ward = ward(1);
        String ec = ecId();
        UUID labour = party("Labour " + ec, ec);
        String id = officeHolder("Early Changer", ward.postId(), null,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(labour)).statusCode(201)
                .extract().path("officeHolder.id");
        post("/office-holders/" + id + "/party-changes",
                "{\"partyId\":\"%s\",\"date\":\"2022-05-05\",\"reason\":\"x\"}".formatted(ourParty()))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/overlapping-affiliations"));
        given().get("/office-holders/" + id).then().statusCode(200)
                .body("affiliations", org.hamcrest.Matchers.hasSize(1))
                .body("affiliations[0].endDate", nullValue())
                .body("history.kind", contains("took_office"));
    }

    @Test
    void anIndependentIsNoPartyAndLeavingOfficeEndsTheCurrentAffiliation() {
        Ward ward = ward(1);
        UUID ours = ourParty();
        String id = officeHolder("Indy Pendent", ward.postId(), null, "[{\"startDate\":\"2021-05-06\"}]")
                .statusCode(201).body("officeHolder.currentParty", nullValue()).extract().path("officeHolder.id");
        post("/office-holders/" + id + "/party-changes",
                "{\"partyId\":\"%s\",\"date\":\"2022-01-10\",\"reason\":\"Joined us\"}".formatted(ours)).statusCode(200);
        long before = currentOfficeHolders(ours);
        post("/office-holders/" + id + "/leave", "{\"date\":\"2024-05-02\",\"reason\":\"Not re-elected\"}")
                .statusCode(200)
                .body("officeHolder.endDate", equalTo("2024-05-02"))
                .body("officeHolder.currentParty", nullValue())
                .body("officeHolder.affiliations[1].endDate", equalTo("2024-05-02"))
                .body("officeHolder.history.kind", contains("took_office", "changed_party", "left_office"));
        assertEquals(before - 1, currentOfficeHolders(ours));
        post("/office-holders/" + id + "/leave", "{\"date\":\"2024-05-03\",\"reason\":\"again\"}")
                .statusCode(409).contentType("application/problem+json");
        given().queryParam("post", ward.postId()).queryParam("current", true).get("/office-holders").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownMemberOrPartyOrAFutureDateIsRefused() {
        Ward ward = ward(1);
        officeHolder("Nobody", ward.postId(), UUID.randomUUID(), "[{\"startDate\":\"2022-05-05\"}]")
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/member-unknown"));
        officeHolder("Nobody", ward.postId(), null,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(UUID.randomUUID()))
                .statusCode(422).body("type", equalTo("https://grassroots.dev/problems/party-missing"));
        officeHolder("Nobody", ward.postId(), null, "[{\"startDate\":\"2999-05-05\"}]")
                .statusCode(422).body("type", equalTo("https://grassroots.dev/problems/future-date"));
        officeHolder("Nobody", ward.postId(), null, "[]").statusCode(400)
                .body("errors[0].field", equalTo("affiliations"));
        given().queryParam("post", ward.postId()).get("/office-holders").then().statusCode(200).body("items", empty());
    }

    @Test
    void onlyTheElectionsTeamRecordsOfficeHolders() {
        Ward ward = ward(1);
        given().auth().oauth2(TestTokens.token("x", "member")).contentType("application/json")
                .body("{\"name\":\"X\",\"postId\":\"%s\",\"affiliations\":[{\"startDate\":\"2022-05-05\"}]}"
                        .formatted(ward.postId()))
                .post("/office-holders").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("x", "elections")).contentType("application/json")
                .body("{\"name\":\"X\",\"postId\":\"%s\",\"affiliations\":[{\"startDate\":\"2022-05-05\"}]}"
                        .formatted(ward.postId()))
                .post("/office-holders").then().statusCode(201).body("officeHolder.name", not(nullValue()));
    }

    static long currentOfficeHolders(UUID party) {
        return ((Number) given().get("/parties/" + party).then().statusCode(200)
                .extract().path("currentOfficeHolders")).longValue();
    }
}
