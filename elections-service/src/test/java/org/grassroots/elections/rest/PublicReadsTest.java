package org.grassroots.elections.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.officeHolder;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class PublicReadsTest {

    @Test
    void everyPublicReadAnswersWithoutATokenAndCarriesNoMemberLinkOrSelectionDetail() {
        Ward ward = ward(1);
        UUID ours = ourParty();
        UUID memberId = member("active");
        String candidacy = post("/candidacies", """
                {"ballotPaperId":"%s","memberId":"%s","name":"Pat Public","route":"applied"}"""
                .formatted(ward.ballotPaperId(), memberId)).statusCode(201).extract().path("id");
        post("/candidacies/" + candidacy + "/stage-changes", "{\"stage\":\"selected\",\"reason\":\"panel notes\"}")
                .statusCode(200);
        post("/candidacies/" + candidacy + "/stage-changes", "{\"stage\":\"standing\"}").statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("""
                {"turnout":100,"spoiltBallots":1,"candidates":[{"candidacyId":"%s","votes":99,"elected":true}]}"""
                .formatted(candidacy)).put("/ballots/" + ward.ballotPaperId() + "/result").then().statusCode(200);
        String holder = officeHolder("Pat Public", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-06\"}]".formatted(ours)).statusCode(201)
                .extract().path("officeHolder.id");

        String election = "local.%s.2022-05-05".formatted(ward.organisationSlug());
        for (String path : List.of("/elections", "/elections/" + election, "/elections?parent=" + election,
                "/elections/" + election + "/party-results", "/ballots/" + ward.ballotPaperId(),
                "/ballots/" + ward.ballotPaperId() + "/candidates", "/ballots/" + ward.ballotPaperId() + "/result",
                "/office-holders", "/office-holders/" + holder, "/office-holders?party=" + ours,
                "/parties/" + ours, "/posts/" + ward.postId(), "/organisations/" + ward.organisationId())) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            for (String secret : List.of(memberId.toString(), "memberId", "memberLapsed", "panel notes", "\"route\"",
                    "\"stage\"")) {
                assertFalse(body.contains(secret), path + " shows " + secret + ": " + body);
            }
        }
    }
}
