package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class EventSearchTest {

    private final UUID branch = UUID.randomUUID();
    private final String organiser = TestTokens.organiser(branch);
    private String campaign;
    /** The weekend of action these tests search, a week ahead of the suite's clock. */
    private final LocalDate firstDay = TestClock.now().toLocalDate().plusDays(7);
    private final LocalDate secondDay = firstDay.plusDays(1);
    private final LocalDate thirdDay = firstDay.plusDays(2);

    /** Events in one fresh campaign, so other tests' events do not interfere. */
    private String event(String title, String type, String town, String postcode, double lat, double lon,
                         String startsAt, String status, String visibility) {
        if (campaign == null) {
            campaign = as(TestTokens.admin()).body("{\"name\":\"Search " + UUID.randomUUID() + "\"}")
                    .post("/campaigns").then().statusCode(201).extract().path("id");
        }
        OffsetDateTime start = OffsetDateTime.parse(startsAt);
        String id = as(organiser).body("""
                {"type":"%s","title":"%s","startsAt":"%s","endsAt":"%s",
                 "location":{"venue":"Town square","address":"Private house, 2 Secret Lane","town":"%s","postcode":"%s",
                             "latitude":%s,"longitude":%s},
                 "visibility":"%s","status":"%s"}""".formatted(type, title, start, start.plusHours(3), town, postcode,
                        lat, lon, visibility, "draft".equals(status) ? "draft" : "published"))
                .post("/events").then().statusCode(201).extract().path("id");
        given().auth().oauth2(organiser).put("/campaigns/" + campaign + "/events/" + id).then().statusCode(204);
        if ("cancelled".equals(status)) {
            as(organiser).body("{\"status\":\"cancelled\"}").patch("/events/" + id).then().statusCode(200);
        }
        return id;
    }

    private void weekendOfAction() {
        event("Plymouth stall", "street_stall", "Plymouth", "PL4 8AA", 50.3755, -4.1427, firstDay + "T10:00:00Z", "published", "public");
        event("Camberwell stall", "street_stall", "London", "SE5 8RS", 51.4740, -0.0930, firstDay + "T11:00:00Z", "published", "public");
        event("Camden leafleting", "leafleting", "London", "NW1 8NH", 51.5390, -0.1426, secondDay + "T10:00:00Z", "published", "public");
        event("Tottenham stall", "street_stall", "London", "N17 6QA", 51.5880, -0.0690, secondDay + "T12:00:00Z", "published", "public");
        event("Liverpool stall", "street_stall", "Liverpool", "L1 8JQ", 53.4045, -2.9810, firstDay + "T10:00:00Z", "published", "public");
        event("Leeds-ish decoy", "street_stall", "Leeds", "LS1 4AP", 53.7960, -1.5470, firstDay + "T10:00:00Z", "published", "public");
        event("Camden branch meeting", "meeting", "London", "NW1 8NH", 51.5390, -0.1426, thirdDay + "T19:00:00Z", "published", "members");
        event("Camden draft", "street_stall", "London", "NW1 8NH", 51.5390, -0.1426, firstDay + "T09:00:00Z", "draft", "public");
        event("Camden cancelled", "street_stall", "London", "NW1 8NH", 51.5390, -0.1426, firstDay + "T08:00:00Z", "cancelled", "public");
    }

    @Test
    void thePublicFindsPublishedPublicEventsByTownPostcodeDistanceDateAndTypeWithoutAddresses() {
        weekendOfAction();
        given().queryParam("campaign", campaign).queryParam("town", "london").get("/events").then().statusCode(200)
                .body("items.title", contains("Camberwell stall", "Camden leafleting", "Tottenham stall"))
                .body("items[0]", not(hasKey("address"))).body("items[0].venue", equalTo("Town square"));
        given().queryParam("campaign", campaign).queryParam("postcode", "L").get("/events").then()
                .body("items.title", contains("Liverpool stall"));
        given().queryParam("campaign", campaign).queryParam("postcode", "nw1").get("/events").then()
                .body("items.title", contains("Camden leafleting"));
        given().queryParam("campaign", campaign).queryParam("postcode", "SE5 8").get("/events").then()
                .body("items.title", contains("Camberwell stall"));
        // Around Camden: Camden (0 km), Camberwell (~8.6 km), Tottenham (~7.4 km); not Plymouth or Liverpool.
        given().queryParam("campaign", campaign).queryParam("lat", 51.5390).queryParam("lon", -0.1426)
                .queryParam("radiusKm", 10).get("/events").then()
                .body("items.title", contains("Camberwell stall", "Camden leafleting", "Tottenham stall"))
                .body("items[1].distanceKm", equalTo(0.0f));
        given().queryParam("campaign", campaign).queryParam("lat", 51.5390).queryParam("lon", -0.1426)
                .queryParam("radiusKm", 8).get("/events").then()
                .body("items.title", contains("Camden leafleting", "Tottenham stall"));
        given().queryParam("campaign", campaign).queryParam("from", secondDay.toString()).queryParam("to", secondDay.toString())
                .get("/events").then().body("items.title", contains("Camden leafleting", "Tottenham stall"));
        given().queryParam("campaign", campaign).queryParam("type", "leafleting").get("/events").then()
                .body("items.title", contains("Camden leafleting"));
        given().queryParam("campaign", campaign).queryParam("town", "nowhere").get("/events").then()
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void membersOnlyEventsAreListedOnlyForSignedInCallersAndPagesFollowTheCursor() {
        weekendOfAction();
        given().queryParam("campaign", campaign).queryParam("town", "London").queryParam("type", "meeting")
                .get("/events").then().body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).queryParam("campaign", campaign)
                .queryParam("type", "meeting").get("/events").then().body("items.title", contains("Camden branch meeting"));

        String cursor = given().queryParam("campaign", campaign).queryParam("limit", 4).get("/events").then()
                .body("items.title", containsInAnyOrder("Plymouth stall", "Liverpool stall", "Leeds-ish decoy",
                        "Camberwell stall"))
                .extract().path("nextCursor");
        given().queryParam("campaign", campaign).queryParam("limit", 4).queryParam("cursor", cursor).get("/events")
                .then().body("items.title", contains("Camden leafleting", "Tottenham stall")).body("nextCursor", nullValue());
    }

    @Test
    void organisersListTheirBranchsDraftsAndCancelledEventsButNobodyElseDoes() {
        weekendOfAction();
        given().auth().oauth2(organiser).queryParam("branch", branch.toString()).queryParam("status", "draft")
                .get("/events").then().statusCode(200).body("items.title", contains("Camden draft"));
        given().auth().oauth2(TestTokens.admin()).queryParam("campaign", campaign).queryParam("status", "cancelled")
                .get("/events").then().statusCode(200).body("items.title", contains("Camden cancelled"));
        given().queryParam("branch", branch.toString()).queryParam("status", "draft").get("/events").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.organiser(UUID.randomUUID())).queryParam("branch", branch.toString())
                .queryParam("status", "draft").get("/events").then().statusCode(403);
        given().queryParam("branch", branch.toString()).get("/events").then().statusCode(200)
                .body("items.size()", equalTo(6));
    }

    @Test
    void badSearchParametersAre400sNamingTheParameter() {
        given().queryParam("postcode", "12345").get("/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("postcode"));
        given().queryParam("lat", 51.5).queryParam("lon", -0.1).get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("radiusKm"));
        given().queryParam("lat", 95).queryParam("lon", -0.1).queryParam("radiusKm", 5).get("/events").then()
                .statusCode(400).body("errors[0].field", equalTo("lat"));
        given().queryParam("lat", 51.5).queryParam("lon", -0.1).queryParam("radiusKm", 5000).get("/events").then()
                .statusCode(400).body("errors[0].field", equalTo("radiusKm"));
        given().queryParam("from", "next tuesday").get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("type", "rave").get("/events").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().queryParam("town", "x".repeat(101)).get("/events").then().statusCode(400);
        given().queryParam("lat", "north").queryParam("lon", -0.1).queryParam("radiusKm", 5).get("/events").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("lat"));
        given().queryParam("campaign", "weekend").get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("campaign"));
    }
}
