package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.publishedEvent;
import static org.grassroots.events.support.EventsApi.rows;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class CampaignTest {

    private final UUID plymouth = UUID.randomUUID();
    private final UUID newcastle = UUID.randomUUID();
    /** A campaign weekend's first day, a few days ahead of the suite's clock. */
    private final LocalDate saturday = TestClock.now().toLocalDate().plusDays(4);

    @Test
    void onlyAdminsCreateCampaignsAndAnEndBeforeTheStartWritesNothing() {
        as(TestTokens.organiser(plymouth)).body("{\"name\":\"Mine\"}").post("/campaigns").then().statusCode(403)
                .contentType("application/problem+json");
        long before = rows("campaign");
        as(TestTokens.admin()).body("""
                {"name":"Backwards %s","startsOn":"%s","endsOn":"%s"}""".formatted(UUID.randomUUID(), saturday.plusDays(1),
                        saturday))
                .post("/campaigns").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        assertEquals(before, rows("campaign"));
        String name = "Spring drive " + UUID.randomUUID();
        as(TestTokens.admin()).body("{\"name\":\"" + name + "\"}").post("/campaigns").then().statusCode(201);
        as(TestTokens.admin()).body("{\"name\":\"" + name.toUpperCase() + "\"}").post("/campaigns")
                .then().statusCode(409);
    }

    @Test
    void organisersAddTheirOwnBranchsEventsAndTheRollUpCountsEventsLocationsRsvpsAndAttendance() {
        String campaign = as(TestTokens.admin()).body("""
                {"name":"Weekend %s","startsOn":"%s","endsOn":"%s"}""".formatted(UUID.randomUUID(), saturday,
                        saturday.plusDays(1)))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        String stall = publishedEvent(plymouth, "Stall", "Plymouth", future(4, 10));
        String leafleting = publishedEvent(plymouth, "Leafleting", "Plymouth", future(5, 10));
        String north = publishedEvent(newcastle, "Stall", "Newcastle", future(4, 10));
        String plymouthOrganiser = TestTokens.organiser(plymouth);

        given().auth().oauth2(plymouthOrganiser).put("/campaigns/" + campaign + "/events/" + north)
                .then().statusCode(403);
        given().auth().oauth2(plymouthOrganiser).put("/campaigns/" + campaign + "/events/" + stall).then().statusCode(204);
        given().auth().oauth2(plymouthOrganiser).put("/campaigns/" + campaign + "/events/" + leafleting)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.organiser(newcastle)).put("/campaigns/" + campaign + "/events/" + north)
                .then().statusCode(204);
        given().get("/events/" + stall).then().body("campaignId", equalTo(campaign));

        String slot = timeslot(plymouth, stall, 2, future(4, 10));
        String first = null;
        for (int i = 0; i < 3; i++) {
            String id = given().contentType(ContentType.JSON).body("""
                    {"givenName":"Visitor","email":"v%d.%s@example.org","consent":false}""".formatted(i, UUID.randomUUID()))
                    .post("/events/" + stall + "/timeslots/" + slot + "/rsvps").then().statusCode(201).extract().path("id");
            first = first == null ? id : first;
        }
        given().auth().oauth2(plymouthOrganiser).post("/events/" + stall + "/rsvps/" + first + "/check-in")
                .then().statusCode(200);

        given().auth().oauth2(TestTokens.organiser(newcastle)).get("/campaigns/" + campaign + "/roll-up")
                .then().statusCode(200)
                .body("events.total", equalTo(3)).body("events.byStatus.published", equalTo(3))
                .body("locations.town", contains("Newcastle", "Plymouth"))
                .body("locations[1].events", equalTo(2)).body("locations[1].accepted", equalTo(2))
                .body("locations[1].waitlisted", equalTo(1)).body("locations[1].attended", equalTo(1))
                .body("locations[0].accepted", equalTo(0))
                .body("rsvps.accepted", equalTo(2)).body("rsvps.waitlisted", equalTo(1)).body("attended", equalTo(1));
        given().get("/campaigns/" + campaign + "/roll-up").then().statusCode(401);

        given().auth().oauth2(plymouthOrganiser).delete("/campaigns/" + campaign + "/events/" + leafleting)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/campaigns/" + campaign + "/roll-up")
                .then().body("events.total", equalTo(2));
    }
}
