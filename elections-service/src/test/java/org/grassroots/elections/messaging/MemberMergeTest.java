package org.grassroots.elections.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.officeHolder;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class MemberMergeTest {

    @Test
    void aMergedMembersOfficeHolderRecordAndCandidacyMoveToTheSurvivor() {
        Ward ward = ward(1);
        UUID ours = ourParty();
        UUID duplicate = member("active");
        UUID survivor = member("active");
        String holder = officeHolder("Merged Person", ward.postId(), duplicate,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(ours)).statusCode(201)
                .extract().path("officeHolder.id");
        String candidacy = post("/candidacies", """
                {"ballotPaperId":"%s","memberId":"%s","name":"Merged Person","route":"applied"}"""
                .formatted(ward.ballotPaperId(), duplicate)).statusCode(201).extract().path("id");

        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, duplicate.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_MERGED, """
                        {"memberId":"%s","mergedMemberId":"%s","mergedAt":"2024-01-01T00:00:00Z"}"""
                        .formatted(survivor, duplicate)));

        await().atMost(Duration.ofSeconds(15)).until(() -> survivor.toString().equals(given()
                .auth().oauth2(TestTokens.admin()).get("/office-holders/" + holder + "/record").then()
                .extract().path("memberId")));
        given().auth().oauth2(TestTokens.admin()).get("/candidacies/" + candidacy).then().statusCode(200)
                .body("memberId", equalTo(survivor.toString()));
    }
}
