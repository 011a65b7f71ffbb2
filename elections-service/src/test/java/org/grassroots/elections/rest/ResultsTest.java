package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.elections.support.ElectionsApi.ecId;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.party;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class ResultsTest {

    @Test
    void aDeclaredResultIsPublicAndAddsUpToPartyResultsForTheElection() {
        Ward ward = ward(2);
        String ec = ecId();
        UUID labour = party("Labour " + ec, ec);
        String ours = ourCandidate(ward, "Alex Example");
        String lab = other(ward, "Jo Bloggs", labour);
        String indy = other(ward, "Indy Pendent", null);
        declare(ward, """
                {"electorate":4211,"turnout":1320,"spoiltBallots":12,"candidates":[
                 {"candidacyId":"%s","votes":800,"elected":true},
                 {"candidacyId":"%s","votes":600,"elected":true},
                 {"candidacyId":"%s","votes":100,"elected":false}]}""".formatted(ours, lab, indy)).statusCode(200);

        given().get("/ballots/" + ward.ballotPaperId() + "/result").then().statusCode(200)
                .body("turnout", equalTo(1320)).body("spoiltBallots", equalTo(12)).body("electorate", equalTo(4211))
                .body("candidates.name", contains("Alex Example", "Jo Bloggs", "Indy Pendent"))
                .body("candidates.elected", contains(true, true, false));
        given().get("/elections/local.%s.2022-05-05/party-results".formatted(ward.organisationSlug())).then()
                .statusCode(200)
                .body("totalVotes", equalTo(1500))
                .body("parties[0].party.ecId", equalTo("PP9999"))
                .body("parties[1].party.ecId", equalTo(ec))
                .body("parties[2].party", org.hamcrest.Matchers.nullValue())
                .body("parties.seatsWon", contains(1, 1, 0))
                .body("parties.votes", contains(800, 600, 100))
                .body("parties.voteShare", contains(53.33f, 40.0f, 6.67f));
    }

    @Test
    void moreElectedThanTheWinnerCountIsRefusedAndNothingIsWritten() {
        Ward ward = ward(1);
        String a = other(ward, "A Person", null);
        String b = other(ward, "B Person", null);
        declare(ward, """
                {"turnout":900,"spoiltBallots":3,"candidates":[
                 {"candidacyId":"%s","votes":500,"elected":true},
                 {"candidacyId":"%s","votes":400,"elected":true}]}""".formatted(a, b))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/too-many-elected"));
        given().get("/ballots/" + ward.ballotPaperId() + "/result").then().statusCode(404);
    }

    @Test
    void negativeVotesAreA400NamingTheFieldAndNothingIsWritten() {
        Ward ward = ward(1);
        String a = other(ward, "A Person", null);
        declare(ward, """
                {"turnout":900,"spoiltBallots":3,"candidates":[{"candidacyId":"%s","votes":-5,"elected":true}]}"""
                .formatted(a))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("candidates[0].votes"));
        declare(ward, """
                {"turnout":900,"spoiltBallots":-1,"candidates":[{"candidacyId":"%s","votes":5,"elected":true}]}"""
                .formatted(a)).statusCode(400).body("errors[0].field", equalTo("spoiltBallots"));
        given().get("/ballots/" + ward.ballotPaperId() + "/result").then().statusCode(404);
    }

    @Test
    void aResultMustCountEveryCandidateStandingAndOnlyThem() {
        Ward ward = ward(1);
        String a = other(ward, "A Person", null);
        other(ward, "B Person", null);
        declare(ward, """
                {"turnout":900,"spoiltBallots":3,"candidates":[{"candidacyId":"%s","votes":500,"elected":true}]}"""
                .formatted(a)).statusCode(422).body("type", equalTo("https://grassroots.dev/problems/incomplete-result"));
        declare(ward, """
                {"turnout":900,"spoiltBallots":3,"candidates":[{"candidacyId":"%s","votes":500,"elected":true}]}"""
                .formatted(UUID.randomUUID())).statusCode(422)
                .body("type", equalTo("https://grassroots.dev/problems/not-standing"));
    }

    private static ValidatableResponse declare(Ward ward, String json) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(json)
                .put("/ballots/" + ward.ballotPaperId() + "/result").then();
    }

    private static String other(Ward ward, String name, UUID party) {
        String p = party == null ? "" : ",\"partyId\":\"" + party + "\"";
        return post("/ballots/" + ward.ballotPaperId() + "/candidates", "{\"name\":\"%s\"%s}".formatted(name, p))
                .statusCode(201).extract().path("id");
    }

    private static String ourCandidate(Ward ward, String name) {
        ourParty();
        String id = post("/candidacies", """
                {"ballotPaperId":"%s","memberId":"%s","name":"%s","route":"nominated"}"""
                .formatted(ward.ballotPaperId(), member("active"), name)).statusCode(201).extract().path("id");
        post("/candidacies/" + id + "/stage-changes", "{\"stage\":\"selected\"}").statusCode(200);
        post("/candidacies/" + id + "/stage-changes", "{\"stage\":\"standing\"}").statusCode(200);
        return id;
    }
}
