package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.activeMember;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.past;
import static org.grassroots.events.support.EventsApi.publishedEvent;
import static org.grassroots.events.support.EventsApi.rows;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stall day as it happens: people walk up without an RSVP, and the sign-up sheet and the feedback cards are
 * typed in after the event. Organisers record all of it; the public and members cannot RSVP once a slot started.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class StallDayTest {

    private final UUID branch = UUID.randomUUID();
    private final String organiser = TestTokens.organiser(branch);

    @Test
    void afterAStallItsOrganiserRecordsTheSignUpSheetCheckInsWalkInsAndFeedbackCardsAndTheRollUpCountsThem() {
        OffsetDateTime lastSaturday = past(3, 10);
        String stall = publishedEvent(branch, "Stall that is over", "Plymouth", lastSaturday);
        String slot = timeslot(branch, stall, 1, lastSaturday);
        String campaign = as(TestTokens.admin()).body("{\"name\":\"Held weekend %s\"}".formatted(UUID.randomUUID()))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(organiser).put("/campaigns/" + campaign + "/events/" + stall).then().statusCode(204);
        UUID member = activeMember();

        // Too late for the public and for members themselves.
        long before = rows("rsvp");
        given().contentType(ContentType.JSON).body(person("late")).post(rsvps(stall, slot))
                .then().statusCode(422).body("type", equalTo("https://grassroots.dev/problems/event-past"));
        as(TestTokens.member(member)).body("{}").post(rsvps(stall, slot))
                .then().statusCode(422).body("type", equalTo("https://grassroots.dev/problems/event-past"));
        assertEquals(before, rows("rsvp"), "refused RSVPs write nothing");

        // The organiser types in the sign-up sheet and checks them in.
        String signedUp = as(organiser).body("{\"memberId\":\"%s\"}".formatted(member)).post(rsvps(stall, slot))
                .then().statusCode(201).body("status", equalTo("accepted")).extract().path("id");
        given().auth().oauth2(organiser).post("/events/" + stall + "/rsvps/" + signedUp + "/check-in")
                .then().statusCode(200).body("attended", equalTo(true));

        // Two people walked up; the capacity of one does not apply to people who came.
        String walkIn = as(organiser).body(person("walk-in")).post(walkIns(stall, slot)).then().statusCode(201)
                .body("walkIn", equalTo(true)).body("attended", equalTo(true)).body("status", equalTo("accepted"))
                .extract().path("id");
        as(organiser).body("""
                {"givenName":"  Sam ","email":"  Sam.Walker.%s@Example.org ","consent":false}"""
                .formatted(UUID.randomUUID())).post(walkIns(stall, slot)).then().statusCode(201);
        as(organiser).body("{\"memberId\":\"%s\"}".formatted(member)).post(walkIns(stall, slot))
                .then().statusCode(409).body("type", equalTo("https://grassroots.dev/problems/already-registered"));

        // A feedback card typed in afterwards.
        String topic = "stall-day-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.admin()).body("{\"slug\":\"%s\",\"label\":\"Buses\"}".formatted(topic)).post("/feedback-topics")
                .then().statusCode(201);
        String question = as(organiser).body("{\"text\":\"What would you change?\"}")
                .post("/events/" + stall + "/questions").then().statusCode(201).extract().path("id");
        as(organiser).body("""
                {"questionId":"%s","timeslotId":"%s","answer":"Buses after 7pm","topics":["%s"]}"""
                .formatted(question, slot, topic)).post("/events/" + stall + "/feedback").then().statusCode(201);

        given().auth().oauth2(organiser).get("/campaigns/" + campaign + "/roll-up").then().statusCode(200)
                .body("rsvps.accepted", equalTo(1)).body("attended", equalTo(3)).body("walkIns", equalTo(2))
                .body("locations[0].accepted", equalTo(1)).body("locations[0].attended", equalTo(3))
                .body("locations[0].walkIns", equalTo(2)).body("feedback.responses", equalTo(1));

        ConsumerRecord<String, byte[]> recorded = KafkaProbe.readUntil(Topics.EVENTS, Duration.ofSeconds(20),
                        rs -> rs.stream().anyMatch(r -> isAttendanceOf(r, walkIn)))
                .stream().filter(r -> isAttendanceOf(r, walkIn)).findFirst().orElseThrow();
        assertEquals(List.of(), EventCatalogue.load().violations(recorded));
        assertTrue(new String(recorded.value(), StandardCharsets.UTF_8).contains("\"walkIn\":true"),
                new String(recorded.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aWalkInIsRefusedBeforeTheSlotStartsWithoutAPersonAndFromAnotherBranchsOrganiser() {
        String coming = publishedEvent(branch, "Stall to come", "Plymouth", future(3, 10));
        String comingSlot = timeslot(branch, coming, 5, future(3, 10));
        OffsetDateTime yesterday = past(1, 10);
        String held = publishedEvent(branch, "Stall held", "Plymouth", yesterday);
        String heldSlot = timeslot(branch, held, 5, yesterday);
        long before = rows("rsvp");

        as(organiser).body(person("early")).post(walkIns(coming, comingSlot)).then().statusCode(422)
                .body("type", equalTo("https://grassroots.dev/problems/timeslot-not-started"));
        as(organiser).body("{}").post(walkIns(held, heldSlot)).then().statusCode(400);
        as(organiser).body("{\"givenName\":\"Nameless\",\"consent\":true}").post(walkIns(held, heldSlot))
                .then().statusCode(400);
        as(TestTokens.organiser(UUID.randomUUID())).body(person("elsewhere")).post(walkIns(held, heldSlot))
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(person("anonymous")).post(walkIns(held, heldSlot))
                .then().statusCode(401);
        assertEquals(before, rows("rsvp"), "refused walk-ins write nothing");
    }

    private static String rsvps(String event, String slot) {
        return "/events/" + event + "/timeslots/" + slot + "/rsvps";
    }

    private static String walkIns(String event, String slot) {
        return "/events/" + event + "/timeslots/" + slot + "/walk-ins";
    }

    private static String person(String who) {
        return """
                {"givenName":"Pat","familyName":"%s","email":"pat.%s.%s@example.org","consent":true}"""
                .formatted(who, who, UUID.randomUUID());
    }

    private static boolean isAttendanceOf(ConsumerRecord<String, byte[]> r, String rsvp) {
        return EventTypes.EVENT_ATTENDANCE_RECORDED.equals(
                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                && new String(r.value(), StandardCharsets.UTF_8).contains(rsvp);
    }
}
