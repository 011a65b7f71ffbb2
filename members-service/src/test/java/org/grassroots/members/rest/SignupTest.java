package org.grassroots.members.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class SignupTest {

    private static Response signUp(String givenName, String familyName, String email) {
        return given().contentType(ContentType.JSON).body("""
                        {"givenName":"%s","familyName":"%s","email":"%s","postcode":"PL1 2AB",
                         "consents":[{"channel":"email","purpose":"campaigning"}],"source":"join form"}"""
                        .formatted(givenName, familyName, email))
                .post("/signups");
    }

    private static List<Map<String, Object>> membersWithEmail(String email) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("email", email).get("/members")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aNewAddressBecomesAPendingSupporterWithTheConsentsTheFormGave() {
        String email = MembersApi.email("sian.signup");
        signUp("Sian", "Signup", email).then().statusCode(202).body("status", equalTo("received"));

        List<Map<String, Object>> found = membersWithEmail(email);
        assertEquals(1, found.size());
        assertEquals("pending", found.getFirst().get("status"));
        assertEquals("supporter", found.getFirst().get("membershipType"));
        given().auth().oauth2(TestTokens.admin()).get("/members/" + found.getFirst().get("id") + "/consents")
                .then().statusCode(200).body("current", hasSize(1))
                .body("current[0].purpose", equalTo("campaigning")).body("current[0].granted", equalTo(true))
                .body("current[0].source", equalTo("signup: join form"));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressIsKnownAndAConfirmedPersonIsNeverChanged() {
        String known = MembersApi.email("connie.confirmed");
        String id = MembersApi.member(TestTokens.admin(), known, "").toString();

        Response forKnown = signUp("Mallory", "Overwriter", known);
        Response forUnknown = signUp("Mallory", "Overwriter", MembersApi.email("someone.new"));
        assertEquals(202, forKnown.statusCode());
        assertEquals(forUnknown.statusCode(), forKnown.statusCode());
        assertEquals(forUnknown.body().asString(), forKnown.body().asString(), "the same answer in both cases");
        assertEquals(forUnknown.contentType(), forKnown.contentType());
        assertEquals(forUnknown.getHeader("Location"), forKnown.getHeader("Location"));

        given().auth().oauth2(TestTokens.admin()).get("/members/" + id).then().statusCode(200)
                .body("givenName", equalTo("Test")).body("familyName", equalTo("Person"))
                .body("status", equalTo("active"));
        given().auth().oauth2(TestTokens.admin()).get("/members/" + id + "/consents").then().statusCode(200)
                .body("ledger", hasSize(0));
    }

    @Test
    void aPendingSupporterWhoSignsUpAgainIsRefreshedAndAnOrganiserConfirmsThem() {
        String email = MembersApi.email("petra.pending");
        signUp("Petra", "Pendin", email).then().statusCode(202);
        signUp("Petra", "Pending", email.toUpperCase()).then().statusCode(202);

        List<Map<String, Object>> found = membersWithEmail(email);
        assertEquals(1, found.size(), "one person, not two");
        assertEquals("Pending", found.getFirst().get("familyName"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"status\":\"active\"}")
                .post("/members/" + found.getFirst().get("id") + "/status-changes").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).get("/members/" + found.getFirst().get("id")).then()
                .body("status", equalTo("active"));
    }

    @Test
    void aSignupWithoutConsentOrWithABadAddressIsA400AndRecordsNobody() {
        String email = MembersApi.email("nora.noconsent");
        given().contentType(ContentType.JSON).body("""
                {"givenName":"Nora","familyName":"Noconsent","email":"%s","consents":[]}""".formatted(email))
                .post("/signups").then().statusCode(400).contentType("application/problem+json");
        signUp("Nora", "Noconsent", "not-an-address").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("""
                {"givenName":"Nora","familyName":"Noconsent","email":"%s","phone":"call me",
                 "consents":[{"channel":"email","purpose":"campaigning"}]}""".formatted(email))
                .post("/signups").then().statusCode(400);
        assertEquals(0, membersWithEmail(email).size());
    }
}
