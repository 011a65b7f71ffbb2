package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.activeMember;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.publishedEvent;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** The internal answer members-service assembles the subject-access export from. */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class SubjectAccessTest {

    private final UUID branch = UUID.randomUUID();

    @Test
    void aPersonsRsvpsByIdAndUnderTheirAddressesAreHeldForTheirExportAndForNobodyElses() {
        String event = publishedEvent(branch, "Surgery", "Frome", future(6, 10));
        String slot = timeslot(branch, event, 5, future(6, 10));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        UUID member = activeMember();
        String asMember = as(TestTokens.member(member)).body("{}").post(rsvps).then().statusCode(201)
                .extract().path("id");
        String email = "held." + UUID.randomUUID() + "@example.org";
        String asPublic = given().contentType(ContentType.JSON).body("""
                {"givenName":"Hester","familyName":"Held","email":"%s","consent":true}""".formatted(email))
                .post(rsvps).then().statusCode(201).extract().path("id");
        String request = """
                {"memberId":"%s","emails":["%s"]}""".formatted(member, email.toUpperCase());

        given().auth().oauth2(TestTokens.member(member)).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(200)
                .body("rsvps", hasSize(2)).body("rsvps.rsvpId", hasItems(asMember, asPublic))
                .body("feedbackContacts", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(200).body("rsvps", hasSize(2));
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("events:write")).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("members:export")).contentType(ContentType.JSON).body(request)
                .post("/internal/subject-access").then().statusCode(200).body("rsvps", hasSize(2));
        given().contentType(ContentType.JSON).body(request).post("/internal/subject-access").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/internal/subject-access").then().statusCode(400)
                .body("status", equalTo(400));
    }
}
