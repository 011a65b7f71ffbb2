package org.grassroots.events.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.grassroots.kit.security.SubjectAccessGrants;
import org.grassroots.kit.subjectaccess.SubjectAccess;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    @Inject
    SubjectAccessGrants grants;

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

        String grant = grants.issue(member, List.of(email));
        String internal = "/internal/subject-access";

        given().auth().oauth2(TestTokens.member(member)).header(SubjectAccess.GRANT_HEADER, grant)
                .contentType(ContentType.JSON).body(request).post(internal).then().statusCode(200)
                .body("rsvps", hasSize(2)).body("rsvps.rsvpId", hasItems(asMember, asPublic))
                .body("feedbackContacts", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).header(SubjectAccess.GRANT_HEADER, grant)
                .contentType(ContentType.JSON).body(request).post(internal).then().statusCode(200)
                .body("rsvps", hasSize(2));
        given().auth().oauth2(TestTokens.apiKey("members:export")).header(SubjectAccess.GRANT_HEADER, grant)
                .contentType(ContentType.JSON).body(request).post(internal).then().statusCode(200)
                .body("rsvps", hasSize(2));
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).header(SubjectAccess.GRANT_HEADER, grant)
                .contentType(ContentType.JSON).body(request).post(internal).then().statusCode(403);
        given().auth().oauth2(TestTokens.apiKey("events:write")).header(SubjectAccess.GRANT_HEADER, grant)
                .contentType(ContentType.JSON).body(request).post(internal).then().statusCode(403);
        given().contentType(ContentType.JSON).body(request).post(internal).then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}").post(internal).then()
                .statusCode(400).body("status", equalTo(400));
    }

    @Test
    void copiesKeptUnderAnAddressAreSearchedOnlyUnderMembersServicesGrantForExactlyThoseAddresses() {
        String event = publishedEvent(branch, "Surgery", "Wells", future(6, 11));
        String slot = timeslot(branch, event, 5, future(6, 11));
        String rsvps = "/events/" + event + "/timeslots/" + slot + "/rsvps";
        UUID member = activeMember();
        as(TestTokens.member(member)).body("{}").post(rsvps).then().statusCode(201);
        String someoneElse = "someone.else." + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body("""
                {"givenName":"Sam","familyName":"Else","email":"%s","consent":true}""".formatted(someoneElse))
                .post(rsvps).then().statusCode(201);
        String askingForSomeoneElse = """
                {"memberId":"%s","emails":["%s"]}""".formatted(member, someoneElse);
        String internal = "/internal/subject-access";

        // A member's own token does not let them name another person's address.
        given().auth().oauth2(TestTokens.member(member)).contentType(ContentType.JSON).body(askingForSomeoneElse)
                .post(internal).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).header(SubjectAccess.GRANT_HEADER, "v1.99999999999.forged")
                .contentType(ContentType.JSON).body(askingForSomeoneElse).post(internal).then().statusCode(403);
        // A grant is for one member's addresses: not another member's, not more addresses than it names.
        String ownAddress = "own." + UUID.randomUUID() + "@example.org";
        given().auth().oauth2(TestTokens.member(member))
                .header(SubjectAccess.GRANT_HEADER, grants.issue(UUID.randomUUID(), List.of(someoneElse)))
                .contentType(ContentType.JSON).body(askingForSomeoneElse).post(internal).then().statusCode(403);
        given().auth().oauth2(TestTokens.member(member))
                .header(SubjectAccess.GRANT_HEADER, grants.issue(member, List.of(ownAddress)))
                .contentType(ContentType.JSON).body("""
                        {"memberId":"%s","emails":["%s","%s"]}""".formatted(member, ownAddress, someoneElse))
                .post(internal).then().statusCode(403);
        // Without addresses the member id alone is searched, and needs no grant.
        given().auth().oauth2(TestTokens.member(member)).contentType(ContentType.JSON)
                .body("{\"memberId\":\"%s\"}".formatted(member)).post(internal).then().statusCode(200)
                .body("rsvps", hasSize(1)).body("rsvps[0].email", org.hamcrest.Matchers.nullValue());
    }
}
