package org.grassroots.members.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The councillor role follows elections-service's office-holder events (grassroots.office-holders.v1). */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class CouncillorRoleTest {

    @Test
    void aCouncillorWhoJoinsOurPartyGetsTheRoleAndLosesItOnLeavingOrCrossingBack() {
        String admin = TestTokens.admin();
        UUID member = MembersApi.member(admin, MembersApi.email("cllr"), "");
        UUID office = UUID.randomUUID();

        ProducerRecord<String, byte[]> joined = event(office, member, EventTypes.OFFICE_HOLDER_CHANGED_PARTY, false, true);
        KafkaProbe.send(joined);
        awaitRoles(member, List.of("councillor"));
        given().auth().oauth2(admin).queryParam("role", "councillor").get("/members").then()
                .body("items.id", org.hamcrest.Matchers.hasItem(member.toString()));

        // A second office, held for another party, does not make the member a councillor of ours.
        KafkaProbe.send(event(UUID.randomUUID(), member, EventTypes.OFFICE_HOLDER_JOINED, false, false));
        KafkaProbe.send(event(office, member, EventTypes.OFFICE_HOLDER_LEFT, true, false));
        awaitRoles(member, List.of());

        // A redelivered copy of the first event (same ce_id) is not applied again.
        KafkaProbe.send(joined);
        UUID marker = MembersApi.member(admin, MembersApi.email("marker"), "");
        KafkaProbe.send(event(UUID.randomUUID(), marker, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        awaitRoles(marker, List.of("councillor"));
        given().auth().oauth2(admin).get("/members/" + member).then().body("roles", empty());
    }

    @Test
    void officesOfOneMemberArriveInAnyOrderAndTheRoleStaysWhileOneIsOurs() {
        String admin = TestTokens.admin();
        UUID member = MembersApi.member(admin, MembersApi.email("two-seats"), "");
        UUID townCouncil = UUID.randomUUID();
        UUID districtCouncil = UUID.randomUUID();
        KafkaProbe.send(event(townCouncil, member, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        KafkaProbe.send(event(districtCouncil, member, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        awaitRoles(member, List.of("councillor"));
        KafkaProbe.send(event(townCouncil, member, EventTypes.OFFICE_HOLDER_LEFT, true, false));
        KafkaProbe.send(event(UUID.randomUUID(), null, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        // The district seat is still ours: wait for a later marker to be applied, then check the role is kept.
        UUID marker = MembersApi.member(admin, MembersApi.email("marker"), "");
        KafkaProbe.send(event(UUID.randomUUID(), marker, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        awaitRoles(marker, List.of("councillor"));
        given().auth().oauth2(admin).get("/members/" + member).then().body("roles", contains("councillor"));
    }

    @Test
    void aSeatInParliamentDoesNotMakeACouncillor() {
        String admin = TestTokens.admin();
        UUID mp = MembersApi.member(admin, MembersApi.email("mp"), "");
        KafkaProbe.send(event(UUID.randomUUID(), mp, EventTypes.OFFICE_HOLDER_JOINED, false, true, "parliament"));
        UUID marker = MembersApi.member(admin, MembersApi.email("after-mp"), "");
        KafkaProbe.send(event(UUID.randomUUID(), marker, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        awaitRoles(marker, List.of("councillor"));
        given().auth().oauth2(admin).get("/members/" + mp).then().body("roles", empty());
    }

    @Test
    void anOfficeHolderNamingAnUnknownMemberIsKeptWithoutOne() {
        String admin = TestTokens.admin();
        UUID unknown = UUID.randomUUID();
        KafkaProbe.send(event(UUID.randomUUID(), unknown, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        UUID marker = MembersApi.member(admin, MembersApi.email("after-unknown"), "");
        KafkaProbe.send(event(UUID.randomUUID(), marker, EventTypes.OFFICE_HOLDER_JOINED, false, true));
        awaitRoles(marker, List.of("councillor"));
        given().auth().oauth2(admin).get("/members/" + unknown).then().statusCode(404);
        given().auth().oauth2(admin).get("/members").then().statusCode(200);
        assertEquals(0, KafkaProbe.readUntil(Topics.OFFICE_HOLDERS + ".dlt", Duration.ofSeconds(2), r -> false)
                .stream().filter(r -> unknown.toString().equals(r.key())).count(), "not a poison event");
    }

    private static void awaitRoles(UUID member, List<String> roles) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/members/" + member).then()
                        .body("roles", roles.isEmpty() ? empty() : contains(roles.toArray())));
    }

    private static ProducerRecord<String, byte[]> event(UUID officeHolder, UUID member, String type, boolean before,
                                                        boolean after) {
        return event(officeHolder, member, type, before, after, "town-council");
    }

    private static ProducerRecord<String, byte[]> event(UUID officeHolder, UUID member, String type, boolean before,
                                                        boolean after, String organisationType) {
        return CloudEventRecords.cloudEvent(Topics.OFFICE_HOLDERS, officeHolder.toString(), UUID.randomUUID(), type, """
                {"officeHolderId":"%s","memberId":%s,"previousMemberId":null,"postId":"%s","organisationId":"%s",
                 "organisationType":"%s","partyId":null,"partyEcId":null,"previousPartyId":null,
                 "heldOfficeForOurPartyBefore":%s,"holdsOfficeForOurParty":%s,"effectiveDate":"2026-05-07",
                 "occurredAt":"2026-05-07T10:00:00Z"}"""
                .formatted(officeHolder, member == null ? "null" : "\"" + member + "\"", UUID.randomUUID(),
                        UUID.randomUUID(), organisationType, before, after));
    }
}
