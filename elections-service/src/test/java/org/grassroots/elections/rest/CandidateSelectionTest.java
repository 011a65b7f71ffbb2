package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.grassroots.elections.support.ElectionsApi.ecId;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.party;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class CandidateSelectionTest {

    @Test
    void aMemberWhoAppliesIsShortlistedSelectedAndStandsWithEveryStepInTheHistory() {
        Ward ward = ward(2);
        ourParty();
        UUID memberId = member("active");
        String id = apply(ward, memberId, "Alex Example", "applied").statusCode(201)
                .body("stage", equalTo("applied")).body("memberId", equalTo(memberId.toString()))
                .body("party.ecId", equalTo("PP9999")).extract().path("id");
        stage(id, "shortlisted").statusCode(200);
        stage(id, "selected").statusCode(200);
        stage(id, "standing").statusCode(200).body("stage", equalTo("standing"))
                .body("history.toStage", contains("applied", "shortlisted", "selected", "standing"))
                .body("history[0].reason", equalTo("applied"));

        String publicBody = given().get("/ballots/" + ward.ballotPaperId() + "/candidates").then().statusCode(200)
                .body("items.name", contains("Alex Example"))
                .body("items[0].party.ecId", equalTo("PP9999")).extract().asString();
        assertEquals(-1, publicBody.indexOf(memberId.toString()));
        assertEquals(-1, publicBody.indexOf("stage"));
    }

    @Test
    void selectingALapsedMemberIsRefusedAndChangesNothing() {
        Ward ward = ward(1);
        ourParty();
        UUID memberId = member("active");
        String id = apply(ward, memberId, "Lapsing Person", "nominated").statusCode(201).extract().path("id");
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_STATUS_CHANGED, """
                        {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed",
                         "changedAt":"2024-01-01T00:00:00Z"}""".formatted(memberId)));
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(record(id).extract().path("memberLapsed")));

        stage(id, "selected").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.dev/problems/member-not-in-good-standing"));
        record(id).body("stage", equalTo("applied")).body("history.toStage", contains("applied"));
        given().get("/ballots/" + ward.ballotPaperId() + "/candidates").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aStageMoveTheProcessDoesNotAllowIsRefused() {
        Ward ward = ward(1);
        ourParty();
        String id = apply(ward, member("active"), "Hasty Person", "applied").statusCode(201).extract().path("id");
        stage(id, "standing").statusCode(422).body("type", equalTo("https://grassroots.dev/problems/invalid-stage-change"));
        stage(id, "withdrawn").statusCode(200);
        stage(id, "shortlisted").statusCode(422);
        stage(id, "asleep").statusCode(400).body("errors[0].field", equalTo("stage"));
    }

    @Test
    void anErasedMembersCandidacyIsAnonymised() {
        Ward ward = ward(1);
        ourParty();
        UUID memberId = member("active");
        String id = apply(ward, memberId, "Erin Erasable", "applied").statusCode(201).extract().path("id");
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_ERASED, "{\"memberId\":\"%s\",\"erasedAt\":\"2024-01-01T00:00:00Z\"}"
                        .formatted(memberId)));
        await().atMost(Duration.ofSeconds(15)).until(() -> record(id).extract().path("name") == null);
        record(id).body("memberId", nullValue());
    }

    @Test
    void otherPartiesCandidatesStandOnTheBallotSoResultsAreComplete() {
        Ward ward = ward(1);
        String ec = ecId();
        UUID labour = party("Labour " + ec, ec);
        post("/ballots/" + ward.ballotPaperId() + "/candidates", "{\"name\":\"Jo Bloggs\",\"partyId\":\"%s\"}"
                .formatted(labour)).statusCode(201).body("party.ecId", equalTo(ec))
                .header("Location", org.hamcrest.Matchers.containsString("/candidacies/"));
        post("/ballots/" + ward.ballotPaperId() + "/candidates", "{\"name\":\"Indy Pendent\"}").statusCode(201)
                .body("party", nullValue());
        post("/ballots/" + ward.ballotPaperId() + "/candidates", "{\"name\":\"Not Ours\",\"partyId\":\"%s\"}"
                .formatted(ourParty())).statusCode(422);
        given().get("/ballots/" + ward.ballotPaperId() + "/candidates").then().statusCode(200)
                .body("items.name", containsInAnyOrder("Jo Bloggs", "Indy Pendent"));
    }

    @Test
    void noOneEntersSelectionForALockedBallotAndSelectionIsNotPublic() {
        Ward ward = ward(1);
        ourParty();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"candidatesLocked\":true}")
                .patch("/ballots/" + ward.ballotPaperId()).then().statusCode(200);
        apply(ward, member("active"), "Late Person", "applied").statusCode(409)
                .body("type", equalTo("https://grassroots.dev/problems/candidates-locked"));
        given().queryParam("ballot", ward.ballotPaperId()).get("/candidacies").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).queryParam("ballot", ward.ballotPaperId()).get("/candidacies")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    private static ValidatableResponse apply(Ward ward, UUID memberId, String name, String route) {
        return post("/candidacies", """
                {"ballotPaperId":"%s","memberId":"%s","name":"%s","route":"%s"}"""
                .formatted(ward.ballotPaperId(), memberId, name, route));
    }

    private static ValidatableResponse stage(String id, String stage) {
        return post("/candidacies/" + id + "/stage-changes", "{\"stage\":\"%s\",\"reason\":\"panel\"}".formatted(stage));
    }

    private static ValidatableResponse record(String id) {
        return given().auth().oauth2(TestTokens.admin()).get("/candidacies/" + id).then().statusCode(200);
    }
}
