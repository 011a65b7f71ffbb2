package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.events.support.EventsApi.as;
import static org.grassroots.events.support.EventsApi.eventJson;
import static org.grassroots.events.support.EventsApi.future;
import static org.grassroots.events.support.EventsApi.timeslot;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class SpeakerTest {

    private final UUID branch = UUID.randomUUID();
    private final String organiser = TestTokens.organiser(branch);

    @Test
    void theConferenceProgrammeListsItsSpeakersWithOrganisationRoleAndSessionForThePublic() {
        String conference = as(organiser).body(eventJson("Party conference", "Manchester", future(10, 9), "published",
                "public").replace("street_stall", "conference")).post("/events").then().statusCode(201)
                .extract().path("id");
        String plenary = timeslot(branch, conference, 500, future(10, 9));
        as(organiser).body("""
                {"name":"A. President","organisation":"A trade union","role":"National President",
                 "session":"Opening plenary","timeslotId":"%s"}""".formatted(plenary))
                .post("/events/" + conference + "/speakers").then().statusCode(201);
        String second = as(organiser).body("""
                {"name":"B. Campaigner","organisation":"A women's-rights campaign","role":"Campaigner",
                 "session":"Women and work"}""").post("/events/" + conference + "/speakers").then().statusCode(201)
                .extract().path("id");

        given().get("/events/" + conference + "/speakers").then().statusCode(200)
                .body("name", contains("A. President", "B. Campaigner"))
                .body("[0].role", equalTo("National President")).body("[0].timeslotId", equalTo(plenary))
                .body("[1].session", equalTo("Women and work"));

        as(TestTokens.organiser(UUID.randomUUID())).body("{\"name\":\"Gatecrasher\"}")
                .post("/events/" + conference + "/speakers").then().statusCode(403);
        as(organiser).body("{\"name\":\"\"}").post("/events/" + conference + "/speakers").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(organiser).body("{\"name\":\"Elsewhere\",\"timeslotId\":\"" + UUID.randomUUID() + "\"}")
                .post("/events/" + conference + "/speakers").then().statusCode(422);

        given().auth().oauth2(organiser).delete("/events/" + conference + "/speakers/" + second).then().statusCode(204);
        given().get("/events/" + conference + "/speakers").then().body("name", contains("A. President"));
        given().get("/events/" + UUID.randomUUID() + "/speakers").then().statusCode(404).body("title", equalTo("Not found"));
    }

}
