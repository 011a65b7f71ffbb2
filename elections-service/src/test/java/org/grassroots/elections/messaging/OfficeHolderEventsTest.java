package org.grassroots.elections.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.elections.support.ElectionsApi.Ward;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.grassroots.elections.support.ElectionsApi.ecId;
import static org.grassroots.elections.support.ElectionsApi.member;
import static org.grassroots.elections.support.ElectionsApi.officeHolder;
import static org.grassroots.elections.support.ElectionsApi.ourParty;
import static org.grassroots.elections.support.ElectionsApi.party;
import static org.grassroots.elections.support.ElectionsApi.post;
import static org.grassroots.elections.support.ElectionsApi.ward;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class OfficeHolderEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void joiningCrossingTheFloorAndLeavingArePublishedWithTheStateBeforeAndAfterAsTheCatalogueSays() throws IOException {
        Ward ward = ward(2);
        String ec = ecId();
        UUID libDems = party("Liberal Democrats " + ec, ec);
        UUID ours = ourParty();
        UUID memberId = member("active");
        String id = officeHolder("Alex Example", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(libDems)).statusCode(201)
                .extract().path("officeHolder.id");
        post("/office-holders/" + id + "/party-changes",
                "{\"partyId\":\"%s\",\"date\":\"2023-02-01\",\"reason\":\"Joined us\"}".formatted(ours)).statusCode(200);
        post("/office-holders/" + id + "/leave", "{\"date\":\"2024-05-02\",\"reason\":\"Resigned\"}").statusCode(200);

        List<ConsumerRecord<String, byte[]>> ours3 = KafkaProbe.readUntil(Topics.OFFICE_HOLDERS, Duration.ofSeconds(20),
                records -> records.stream().filter(r -> id.equals(r.key())).count() >= 3)
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(3, ours3.size());
        EventCatalogue catalogue = EventCatalogue.load();
        for (ConsumerRecord<String, byte[]> r : ours3) {
            assertEquals(List.of(), catalogue.violations(r));
        }
        assertEquals(List.of(EventTypes.OFFICE_HOLDER_JOINED, EventTypes.OFFICE_HOLDER_CHANGED_PARTY,
                EventTypes.OFFICE_HOLDER_LEFT), ours3.stream().map(OfficeHolderEventsTest::type).toList());

        JsonNode joined = JSON.readTree(ours3.get(0).value());
        assertEquals(memberId.toString(), joined.path("memberId").asText());
        assertEquals(libDems.toString(), joined.path("partyId").asText());
        assertEquals(ec, joined.path("partyEcId").asText());
        assertTrue(joined.path("previousPartyId").isNull());
        assertTrue(joined.path("previousMemberId").isNull());
        assertFalse(joined.path("holdsOfficeForOurParty").asBoolean());
        assertEquals(ward.postId().toString(), joined.path("postId").asText());
        assertEquals(ward.organisationId().toString(), joined.path("organisationId").asText());
        assertEquals("town-council", joined.path("organisationType").asText());

        JsonNode changed = JSON.readTree(ours3.get(1).value());
        assertEquals(ours.toString(), changed.path("partyId").asText());
        assertEquals("PP9999", changed.path("partyEcId").asText());
        assertEquals(libDems.toString(), changed.path("previousPartyId").asText());
        assertFalse(changed.path("heldOfficeForOurPartyBefore").asBoolean());
        assertTrue(changed.path("holdsOfficeForOurParty").asBoolean());
        assertEquals("2023-02-01", changed.path("effectiveDate").asText());
        assertEquals(memberId.toString(), changed.path("memberId").asText());
        assertEquals(memberId.toString(), changed.path("previousMemberId").asText());

        JsonNode left = JSON.readTree(ours3.get(2).value());
        assertTrue(left.path("partyId").isNull());
        assertEquals(ours.toString(), left.path("previousPartyId").asText());
        assertTrue(left.path("heldOfficeForOurPartyBefore").asBoolean());
        assertFalse(left.path("holdsOfficeForOurParty").asBoolean());
        assertEquals("2024-05-02", left.path("effectiveDate").asText());
    }

    @Test
    void linkingAnOfficeHolderToAMemberLaterAndUnlinkingArePublishedOnceEach() throws IOException {
        Ward ward = ward(1);
        UUID memberId = member("active");
        String id = officeHolder("Later Member", ward.postId(), null,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(ourParty())).statusCode(201)
                .extract().path("officeHolder.id");
        link(id, "\"" + memberId + "\"").statusCode(200).body("memberId", org.hamcrest.Matchers.equalTo(memberId.toString()));
        link(id, "\"" + memberId + "\"").statusCode(200); // a repeat publishes nothing
        link(id, "null").statusCode(200).body("memberId", nullValue());
        link(id, "\"" + UUID.randomUUID() + "\"").statusCode(422).contentType("application/problem+json");

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.readUntil(Topics.OFFICE_HOLDERS, Duration.ofSeconds(20),
                        rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 3)
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of(EventTypes.OFFICE_HOLDER_JOINED, EventTypes.OFFICE_HOLDER_MEMBER_LINKED,
                EventTypes.OFFICE_HOLDER_MEMBER_LINKED), records.stream().map(OfficeHolderEventsTest::type).toList());
        EventCatalogue catalogue = EventCatalogue.load();
        records.forEach(r -> assertEquals(List.of(), catalogue.violations(r)));
        JsonNode linked = JSON.readTree(records.get(1).value());
        assertEquals(memberId.toString(), linked.path("memberId").asText());
        assertTrue(linked.path("previousMemberId").isNull());
        assertTrue(linked.path("holdsOfficeForOurParty").asBoolean());
        assertTrue(linked.path("heldOfficeForOurPartyBefore").asBoolean());
        JsonNode unlinked = JSON.readTree(records.get(2).value());
        assertTrue(unlinked.path("memberId").isNull());
        assertEquals(memberId.toString(), unlinked.path("previousMemberId").asText());
    }

    private static io.restassured.response.ValidatableResponse link(String id, String memberJson) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"memberId\":" + memberJson + "}").put("/office-holders/" + id + "/member").then();
    }

    @Test
    void aRefusedChangePublishesNothing() {
        Ward ward = ward(1);
        String id = officeHolder("Quiet Person", ward.postId(), null, "[{\"startDate\":\"2022-05-05\"}]")
                .statusCode(201).extract().path("officeHolder.id");
        post("/office-holders/" + id + "/party-changes",
                "{\"partyId\":\"%s\",\"date\":\"2021-01-01\",\"reason\":\"x\"}".formatted(ourParty())).statusCode(422);
        post("/office-holders/" + id + "/leave", "{\"date\":\"2023-01-01\",\"reason\":\"Resigned\"}").statusCode(200);
        // Per key in order: once the later 'left' is there, a refused change's event would have been before it.
        List<String> types = KafkaProbe.readUntil(Topics.OFFICE_HOLDERS, Duration.ofSeconds(20),
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= 2)
                .stream().filter(r -> id.equals(r.key())).map(OfficeHolderEventsTest::type).toList();
        assertEquals(List.of(EventTypes.OFFICE_HOLDER_JOINED, EventTypes.OFFICE_HOLDER_LEFT), types);
    }

    @Test
    void anErasedMembersOfficeHolderRecordLosesTheNameAndTheLink() {
        Ward ward = ward(1);
        UUID memberId = member("active");
        String id = officeHolder("Erin Erasable", ward.postId(), memberId,
                "[{\"partyId\":\"%s\",\"startDate\":\"2022-05-05\"}]".formatted(ourParty())).statusCode(201)
                .extract().path("officeHolder.id");
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_ERASED, "{\"memberId\":\"%s\",\"erasedAt\":\"2024-01-01T00:00:00Z\"}"
                        .formatted(memberId)));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/office-holders/" + id).then()
                .extract().path("name") == null);
        given().auth().oauth2(TestTokens.admin()).get("/office-holders/" + id + "/record").then().statusCode(200)
                .body("memberId", nullValue()).body("officeHolder.name", nullValue());
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
