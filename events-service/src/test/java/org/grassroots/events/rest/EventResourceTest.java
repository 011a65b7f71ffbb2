package org.grassroots.events.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.events.domain.Event;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class EventResourceTest {

    @Test
    void thePublicSeesOnlyPublishedPublicEventsInStartOrderPageByPage() {
        QuarkusTransaction.requiringNew().run(() -> {
            Event.deleteAll();
            event("Stall in Plymouth", "Plymouth", "2022-11-26T10:00:00Z", "published", "public");
            event("Leafleting in Newcastle", "Newcastle", "2022-11-26T11:00:00Z", "published", "public");
            event("Stall in Cambridge", "Cambridge", "2022-11-27T10:00:00Z", "published", "public");
            event("Branch meeting", "Bury", "2022-11-20T19:00:00Z", "published", "members");
            event("Draft stall", "Exeter", "2022-11-26T09:00:00Z", "draft", "public");
        });
        String cursor = given().queryParam("limit", 2).get("/events")
                .then().statusCode(200)
                .body("items.title", contains("Stall in Plymouth", "Leafleting in Newcastle"))
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get("/events")
                .then().statusCode(200)
                .body("items.town", contains("Cambridge"))
                .body("nextCursor", nullValue());
    }

    @Test
    void aCursorWithATamperedPositionIsA400NotA500() {
        String tampered = Cursor.of("not-a-time", UUID.randomUUID()).encode();
        given().queryParam("cursor", tampered).get("/events")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    private static void event(String title, String town, String startsAt, String status, String visibility) {
        Event e = new Event();
        e.id = UUID.randomUUID();
        e.title = title;
        e.eventType = "street-stall";
        e.startsAt = OffsetDateTime.parse(startsAt);
        e.endsAt = e.startsAt.plusHours(2);
        e.town = town;
        e.status = status;
        e.visibility = visibility;
        e.updatedAt = OffsetDateTime.now();
        e.persist();
    }
}
