package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.pagination.Cursor;
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
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.eventJson;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class EventResourceTest {

    private final UUID branch = UUID.randomUUID();
    private final String organiser = TestTokens.organiser(branch);

    @Test
    void anOrganiserCreatesADraftForTheirBranchWhichOnlyTheyCanSeeUntilItIsPublished() {
        String id = as(organiser).body(eventJson("Stall in Plymouth", "Plymouth", future(3, 10), "draft", "public"))
                .post("/events").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("draft")).body("branchId", equalTo(branch.toString()))
                .body("timeZone", equalTo("Europe/London")).body("location.town", equalTo("Plymouth"))
                .extract().path("id");
        given().get("/events/" + id).then().statusCode(404).contentType("application/problem+json");

        as(organiser).contentType("application/merge-patch+json").body("{\"status\":\"published\"}")
                .patch("/events/" + id).then().statusCode(200).body("status", equalTo("published"));
        given().get("/events/" + id).then().statusCode(200).body("title", equalTo("Stall in Plymouth"))
                .body("organisers", nullValue());
        given().get("/events").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aMergePatchWithANullDescriptionRemovesItAndANullForAFieldAnEventNeedsIsA400ThatChangesNothing() {
        String id = as(organiser).body(eventJson("Stall in Exeter", "Exeter", future(5, 10), "published", "public"))
                .post("/events").then().statusCode(201).extract().path("id");
        as(organiser).contentType("application/merge-patch+json").body("{\"description\":\"Bring leaflets\"}")
                .patch("/events/" + id).then().statusCode(200).body("description", equalTo("Bring leaflets"));

        as(organiser).contentType("application/merge-patch+json").body("{\"description\":null}")
                .patch("/events/" + id).then().statusCode(200).body("description", nullValue())
                .body("title", equalTo("Stall in Exeter"));
        as(organiser).contentType("application/merge-patch+json").body("{\"title\":null,\"description\":\"x\"}")
                .patch("/events/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
        as(organiser).contentType("application/merge-patch+json")
                .body("{\"startsAt\":\"next tuesday\",\"description\":\"x\"}")
                .patch("/events/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startsAt"));
        given().get("/events/" + id).then().statusCode(200).body("title", equalTo("Stall in Exeter"))
                .body("description", nullValue());
    }

    @Test
    void publishingChangingAndCancellingPublishScheduledUpdatedAndCancelledEventsThatMatchTheCatalogue() {
        String id = as(organiser).body(eventJson("Leafleting in Newcastle", "Newcastle", future(4, 11), "published",
                "public")).post("/events").then().statusCode(201).extract().path("id");
        as(organiser).body("{\"title\":\"Leafleting in Newcastle city centre\"}").patch("/events/" + id)
                .then().statusCode(200);
        as(organiser).body("{\"status\":\"cancelled\"}").patch("/events/" + id).then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.readUntil(Topics.EVENTS, Duration.ofSeconds(20),
                        rs -> rs.stream().filter(r -> id.equals(r.key())).count() == 3)
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("org.grassroots.event.scheduled.v1", "org.grassroots.event.updated.v1",
                "org.grassroots.event.cancelled.v1"), records.stream().map(EventResourceTest::type).toList());
        EventCatalogue catalogue = EventCatalogue.load();
        records.forEach(r -> assertEquals(List.of(), catalogue.violations(r)));
        assertTrue(new String(records.getFirst().value(), StandardCharsets.UTF_8).contains("Newcastle"));

        as(organiser).body("{\"status\":\"published\"}").patch("/events/" + id)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anEndBeforeTheStartIsA400AndNothingIsWritten() {
        long before = rows("event");
        OffsetDateTime start = future(3, 10);
        String body = eventJson("Backwards", "Exeter", start, "draft", "public")
                .replace("\"endsAt\":\"" + start.plusHours(4) + "\"", "\"endsAt\":\"" + start.minusHours(1) + "\"");
        as(organiser).body(body).post("/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsAt"));
        assertEquals(before, rows("event"));
    }

    @Test
    void oversizedTextAnUnknownTypeAndAnUnknownTimeZoneAre400s() {
        long before = rows("event");
        as(organiser).body(eventJson("x".repeat(201), "Exeter", future(3, 10), "draft", "public"))
                .post("/events").then().statusCode(400).body("errors[0].field", equalTo("title"));
        as(organiser).body(eventJson("Rally", "Exeter", future(3, 10), "draft", "public")
                        .replace("street_stall", "rave")).post("/events")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        as(organiser).body(eventJson("Rally", "Exeter", future(3, 10), "draft", "public")
                        .replace("Europe/London", "Mars/Olympus")).post("/events")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        assertEquals(before, rows("event"));
    }

    @Test
    void anOrganiserCannotCreateOrChangeAnotherBranchsEventsButAnAdminCan() {
        UUID other = UUID.randomUUID();
        as(organiser).body(eventJson("Elsewhere", "Bristol", future(3, 10), "draft", "public").replace(
                        "\"status\"", "\"branchId\":\"" + other + "\",\"status\"")).post("/events")
                .then().statusCode(403).contentType("application/problem+json");
        String id = as(TestTokens.admin()).body(eventJson("Elsewhere", "Bristol", future(3, 10), "draft", "public")
                        .replace("\"status\"", "\"branchId\":\"" + other + "\",\"status\""))
                .post("/events").then().statusCode(201).extract().path("id");
        as(organiser).body("{\"title\":\"Mine now\"}").patch("/events/" + id).then().statusCode(403);
        as(TestTokens.organiser(other)).body("{\"title\":\"Bristol stall\"}").patch("/events/" + id)
                .then().statusCode(200).body("title", equalTo("Bristol stall"));
    }

    @Test
    void aStaleIfMatchIsA412() {
        String id = as(organiser).body(eventJson("Stall", "Reading", future(3, 10), "draft", "public"))
                .post("/events").then().statusCode(201).extract().path("id");
        as(organiser).header("If-Match", "\"0\"").body("{\"title\":\"First\"}").patch("/events/" + id)
                .then().statusCode(200).header("ETag", not(equalTo("\"0\"")));
        as(organiser).header("If-Match", "\"0\"").body("{\"title\":\"Second\"}").patch("/events/" + id)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void aMembersOnlyEventIsHiddenFromThePublicAndAnAttendeesOnlyAddressIsLeftOut() {
        String membersOnly = as(organiser).body(eventJson("Branch meeting", "Bury", future(3, 19), "published",
                "members")).post("/events").then().statusCode(201).extract().path("id");
        given().get("/events/" + membersOnly).then().statusCode(404);
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/events/" + membersOnly)
                .then().statusCode(200);
        given().get("/events").then().body("items.id", not(hasItem(membersOnly)));

        String hidden = as(organiser).body(eventJson("Stall", "Colchester", future(3, 10), "published", "public")
                        .replace("\"longitude\":-4.1427", "\"longitude\":-4.1427,\"addressVisibility\":\"attendees\""))
                .post("/events").then().statusCode(201).body("location.address", equalTo("1 High Street"))
                .extract().path("id");
        String anonymous = given().get("/events/" + hidden).then().statusCode(200)
                .body("location.address", nullValue()).body("location.venue", nullValue())
                .body("location.town", equalTo("Colchester")).body("location.postcode", equalTo("PL4"))
                .extract().asString();
        String listed = given().queryParam("town", "Colchester").get("/events").then().statusCode(200)
                .body("items.find { it.id == '%s' }.venue".formatted(hidden), nullValue())
                .body("items.find { it.id == '%s' }.postcode".formatted(hidden), equalTo("PL4"))
                .extract().asString();
        for (String answer : List.of(anonymous, listed)) {
            // Neither the venue, the street, the full postcode nor the exact point (50.3755, -4.1427).
            for (String secret : List.of("Outside the library", "1 High Street", "PL4 8AA", "50.3755", "-4.1427")) {
                org.junit.jupiter.api.Assertions.assertFalse(answer.contains(secret), secret + " in " + answer);
            }
        }
        double latitude = given().get("/events/" + hidden).then().extract().jsonPath().getDouble("location.latitude");
        double longitude = given().get("/events/" + hidden).then().extract().jsonPath().getDouble("location.longitude");
        double kmNorth = Math.abs(latitude - 50.3755) * 111.32;
        double kmEast = Math.abs(longitude + 4.1427) * 111.32 * Math.cos(Math.toRadians(50.3755));
        org.junit.jupiter.api.Assertions.assertTrue(Math.max(kmNorth, kmEast) < 1.5,
                "the pin stays in the neighbourhood: " + kmNorth + " km, " + kmEast + " km");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(latitude, longitude), List.of(
                org.grassroots.events.domain.PublicLocation.latitude(50.3799),
                org.grassroots.events.domain.PublicLocation.longitude(-4.1427)),
                "a point anywhere in the same ~1 km cell publishes the same pin");
    }

    @Test
    void aCursorWithATamperedPositionIsA400NotA500() {
        String tampered = Cursor.of("not-a-time", UUID.randomUUID()).encode();
        given().queryParam("cursor", tampered).get("/events")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
