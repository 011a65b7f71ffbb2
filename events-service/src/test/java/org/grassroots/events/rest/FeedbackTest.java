package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.publishedEvent;
import static org.grassroots.events.support.EventsApi.rows;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class FeedbackTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String housing = "housing-" + suffix;
    private final String wages = "wages-" + suffix;
    private final UUID plymouth = UUID.randomUUID();
    private final UUID bristol = UUID.randomUUID();

    private void topics() {
        as(TestTokens.admin()).body("{\"slug\":\"" + housing + "\",\"label\":\"Housing\"}").post("/feedback-topics")
                .then().statusCode(201);
        as(TestTokens.admin()).body("{\"slug\":\"" + wages + "\",\"label\":\"Wages\"}").post("/feedback-topics")
                .then().statusCode(201);
    }

    private String question(UUID branch, String event) {
        return as(TestTokens.organiser(branch)).body("""
                {"text":"What would you like to see changed in politics and society?"}""")
                .post("/events/" + event + "/questions").then().statusCode(201).extract().path("id");
    }

    private String respond(UUID branch, String event, String question, String slot, String answer, String topics,
                           String contact) {
        return as(TestTokens.organiser(branch)).body("""
                {"questionId":"%s","timeslotId":"%s","answer":"%s","topics":[%s]%s}"""
                        .formatted(question, slot, answer, topics, contact == null ? "" : ",\"contact\":" + contact))
                .post("/events/" + event + "/feedback").then().statusCode(201).extract().path("id");
    }

    @Test
    void adminsManageTheTopicListAndAnUnknownOrRetiredTopicIsA422ThatWritesNothing() {
        as(TestTokens.organiser(plymouth)).body("{\"slug\":\"x-" + suffix + "\",\"label\":\"X\"}")
                .post("/feedback-topics").then().statusCode(403);
        as(TestTokens.admin()).body("{\"slug\":\"Not A Slug\",\"label\":\"X\"}").post("/feedback-topics")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));
        topics();
        given().get("/feedback-topics").then().statusCode(200).body("slug", hasItem(housing));

        String event = publishedEvent(plymouth, "Stall", "Plymouth", future(3, 10));
        String q = question(plymouth, event);
        long before = rows("feedback");
        as(TestTokens.organiser(plymouth)).body("""
                {"questionId":"%s","answer":"Rent controls","topics":["%s","astrology"]}""".formatted(q, housing))
                .post("/events/" + event + "/feedback").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("astrology"));
        as(TestTokens.organiser(plymouth)).body("""
                {"questionId":"%s","answer":"%s","topics":["%s"]}""".formatted(q, "x".repeat(2001), housing))
                .post("/events/" + event + "/feedback").then().statusCode(400).body("errors[0].field", equalTo("answer"));
        as(TestTokens.organiser(plymouth)).body("""
                {"questionId":"%s","answer":"Rent","topics":["%s"],"contact":{"consent":false,"email":"a@example.org"}}"""
                .formatted(q, housing)).post("/events/" + event + "/feedback").then().statusCode(400);
        as(TestTokens.organiser(plymouth)).body("""
                {"questionId":"%s","answer":"Rent","topics":[]}""".formatted(q))
                .post("/events/" + event + "/feedback").then().statusCode(400).body("errors[0].field", equalTo("topics"));

        given().auth().oauth2(TestTokens.admin()).delete("/feedback-topics/" + wages).then().statusCode(204);
        given().get("/feedback-topics").then().body("slug", not(hasItem(wages)));
        as(TestTokens.organiser(plymouth)).body("""
                {"questionId":"%s","answer":"Pay","topics":["%s"]}""".formatted(q, wages))
                .post("/events/" + event + "/feedback").then().statusCode(422);
        assertEquals(before, rows("feedback"));
    }

    @Test
    void feedbackIsPublishedRolledUpByTopicAndLocationAndExportedWithoutContactDetails() {
        topics();
        String campaign = as(TestTokens.admin()).body("{\"name\":\"Listening " + suffix + "\"}").post("/campaigns")
                .then().statusCode(201).extract().path("id");
        String south = publishedEvent(plymouth, "Stall", "Plymouth", future(3, 10));
        String west = publishedEvent(bristol, "Stall", "Bristol", future(3, 10));
        given().auth().oauth2(TestTokens.organiser(plymouth)).put("/campaigns/" + campaign + "/events/" + south)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.organiser(bristol)).put("/campaigns/" + campaign + "/events/" + west)
                .then().statusCode(204);
        String southSlot = timeslot(plymouth, south, 10, future(3, 10));
        String westSlot = timeslot(bristol, west, 10, future(3, 10));
        String q1 = question(plymouth, south);
        String q2 = question(bristol, west);

        String withContact = respond(plymouth, south, q1, southSlot, "=HYPERLINK(rent controls)",
                "\"" + housing + "\",\"" + wages + "\"",
                "{\"consent\":true,\"name\":\"Pat Doe\",\"email\":\"pat." + suffix + "@example.org\"}");
        respond(plymouth, south, q1, southSlot, "Higher pay", "\"" + wages + "\"", null);
        respond(bristol, west, q2, westSlot, "Affordable homes", "\"" + housing + "\"", null);

        given().auth().oauth2(TestTokens.admin()).get("/campaigns/" + campaign + "/roll-up").then().statusCode(200)
                .body("feedback.responses", equalTo(3))
                .body("feedback.byTopic.find { it.topic == '" + housing + "' }.responses", equalTo(2))
                .body("feedback.byTopic.find { it.topic == '" + wages + "' }.responses", equalTo(2))
                .body("feedback.byTopicAndLocation.find { it.town == 'Plymouth' && it.topic == '" + wages
                        + "' }.responses", equalTo(2))
                .body("feedback.byTopicAndLocation.find { it.town == 'Bristol' && it.topic == '" + wages
                        + "' }", nullValue())
                .body("locations.find { it.town == 'Plymouth' }.feedback", equalTo(2));

        String all = given().auth().oauth2(TestTokens.admin()).accept("text/csv")
                .get("/campaigns/" + campaign + "/feedback").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = all.lines().toList();
        assertEquals(4, lines.size(), all);
        assertTrue(lines.getFirst().startsWith("feedbackId,recordedAt,eventId"));
        assertFalse(all.contains("pat." + suffix) || all.contains("Pat Doe"), "no contact details: " + all);
        assertTrue(all.contains("'=HYPERLINK"), "formula defused: " + all);
        String own = given().auth().oauth2(TestTokens.organiser(bristol)).accept("text/csv")
                .get("/campaigns/" + campaign + "/feedback").then().statusCode(200).extract().asString();
        assertEquals(2, own.lines().count(), "an organiser exports their branch's responses only: " + own);

        ConsumerRecord<String, byte[]> record = KafkaProbe.readUntil(Topics.EVENTS, Duration.ofSeconds(20),
                        rs -> rs.stream().anyMatch(r -> south.equals(r.key()) && isFeedback(r)))
                .stream().filter(r -> south.equals(r.key()) && isFeedback(r)).findFirst().orElseThrow();
        assertEquals(List.of(), EventCatalogue.load().violations(record));
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertFalse(payload.contains("Pat Doe") || payload.contains("HYPERLINK"), payload);

        given().auth().oauth2(TestTokens.organiser(plymouth)).get("/events/" + south + "/feedback").then()
                .statusCode(200).body("items.find { it.id == '" + withContact + "' }.contactName", equalTo("Pat Doe"));
        given().auth().oauth2(TestTokens.organiser(bristol)).get("/events/" + south + "/feedback").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.organiser(plymouth))
                .delete("/events/" + south + "/feedback/" + withContact + "/contact").then().statusCode(200)
                .body("contactName", nullValue()).body("contactEmail", nullValue())
                .body("contactConsent", equalTo(false)).body("answer", equalTo("=HYPERLINK(rent controls)"));
    }

    private static boolean isFeedback(ConsumerRecord<String, byte[]> r) {
        return EventTypes.EVENT_FEEDBACK_RECORDED.equals(
                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }
}
