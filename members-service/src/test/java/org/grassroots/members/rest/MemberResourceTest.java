package org.grassroots.members.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class MemberResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOrganiserRecordsAMemberWhoCanThenReadOnlyTheirOwnRecord() {
        String email = "alex." + UUID.randomUUID() + "@example.org";
        var created = given().auth().oauth2(TestTokens.organiser(MembersApi.branch("Tottenham", "N17"))).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"Alex","familyName":"Morgan","email":"%s"}""".formatted(email))
                .when().post("/members")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("givenName", equalTo("Alex"))
                .body("email", equalTo(email))
                .body("status", equalTo("active"))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/members/" + id));

        given().auth().oauth2(TestTokens.member(UUID.fromString(id)))
                .when().get("/members/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("familyName", equalTo("Morgan"));

        given().auth().oauth2(TestTokens.member(UUID.randomUUID()))
                .when().get("/members/" + id)
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        given().auth().oauth2(TestTokens.admin())
                .when().get("/members/" + id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aPersonHasSeveralAddressesAndNumbersAndAnyOfTheirEmailsFindsThem() {
        String admin = TestTokens.admin();
        String primary = MembersApi.email("home");
        String work = MembersApi.email("work");
        String id = MembersApi.record(admin, """
                        {"givenName":"Pat","familyName":"Quinn","email":"%s","phone":"07700 900333",
                         "additionalEmails":["%s"],"additionalPhones":["0161 496 0000","07700 900333"],
                         "addressLines":["12 Market Street","Flat 2"],"locality":"Bury","region":"Greater Manchester",
                         "postcode":"BL9 0AA"}""".formatted(primary, work))
                .statusCode(201)
                .body("email", equalTo(primary))
                .body("additionalEmails", contains(work))
                .body("phone", equalTo("+447700900333"))
                .body("additionalPhones", contains("+441614960000"))
                .body("addressLines", contains("12 Market Street", "Flat 2"))
                .body("locality", equalTo("Bury"))
                .body("postcode", equalTo("BL9 0AA"))
                .extract().path("id");

        // Signing up again with the other address updates the same person; the primary address stays.
        MembersApi.record(admin, """
                {"givenName":"Pat","familyName":"Quinn","email":"%s","additionalEmails":["%s"]}"""
                .formatted(work.toUpperCase(), MembersApi.email("third")))
                .statusCode(200).body("id", equalTo(id)).body("email", equalTo(primary))
                .body("additionalEmails", hasSize(2));

        long members = count("member");
        MembersApi.record(admin, """
                {"givenName":"Sam","familyName":"Other","email":"%s","additionalEmails":["%s"]}"""
                .formatted(MembersApi.email("sam"), work))
                .statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/email-in-use"));
        MembersApi.record(admin, """
                {"givenName":"Sam","familyName":"Other","email":"%s","additionalPhones":["not a number"]}"""
                .formatted(MembersApi.email("sam")))
                .statusCode(400).body("errors[0].field", equalTo("additionalPhones"));
        MembersApi.record(admin, """
                {"givenName":"Sam","familyName":"Other","email":"%s","addressLines":["1","2","3","4"]}"""
                .formatted(MembersApi.email("sam")))
                .statusCode(400).body("errors[0].field", equalTo("addressLines"));
        assertEquals(members, count("member"), "nothing written by a refused request");
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndIfMatchGuardsAgainstLostUpdates() {
        String admin = TestTokens.admin();
        String email = MembersApi.email("patch");
        var created = MembersApi.record(admin, """
                {"givenName":"Rae","familyName":"Reed","email":"%s","phone":"07700 900111","locality":"Hull"}"""
                .formatted(email)).statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        String newTag = patch(admin, id, etag, """
                {"phone":"07700 900456","locality":null,"addressLines":["3 Quay Road"]}""")
                .statusCode(200)
                .body("phone", equalTo("+447700900456"))
                .body("locality", nullValue())
                .body("addressLines", contains("3 Quay Road"))
                .body("givenName", equalTo("Rae"))
                .body("email", equalTo(email))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newTag);

        long members = count("member");
        patch(admin, id, etag, "{\"givenName\":\"Stale\"}").statusCode(412).contentType(PROBLEM);
        patch(admin, id, newTag, "{\"status\":\"lapsed\"}").statusCode(400).body("errors[0].field", equalTo("status"));
        patch(admin, id, newTag, "{\"email\":\"not-an-email\"}").statusCode(400).body("errors[0].field", equalTo("email"));
        patch(admin, id, newTag, "{\"givenName\":{\"nested\":1}}").statusCode(400).contentType(PROBLEM);
        patch(admin, id, newTag, "[1]").statusCode(400).contentType(PROBLEM);
        String other = MembersApi.email("other");
        MembersApi.member(admin, other, "");
        patch(admin, id, newTag, "{\"email\":\"%s\"}".formatted(other.toUpperCase())).statusCode(409)
                .body("type", endsWith("/email-in-use"));
        patch(TestTokens.organiser(UUID.randomUUID()), id, null, "{\"givenName\":\"X\"}").statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"givenName\":\"X\"}")
                .patch("/members/" + id).then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/members/" + id).then().body("givenName", equalTo("Rae"))
                .header("ETag", equalTo(newTag));
        assertEquals(members + 1, count("member"), "only the other person was added");

        // Without If-Match the patch applies to the current version; a patch that changes nothing keeps the ETag.
        patch(admin, id, null, "{\"givenName\":\"Rae\"}").statusCode(200).header("ETag", equalTo(newTag));
    }

    private static io.restassured.response.ValidatableResponse patch(String token, String id, String ifMatch,
                                                                     String body) {
        var request = given().auth().oauth2(token).contentType("application/merge-patch+json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.patch("/members/" + id).then();
    }

    @Test
    void aRetriedSignupWithAnIdempotencyKeyIsAppliedOnceAndReplayed() {
        String admin = TestTokens.admin();
        String key = UUID.randomUUID().toString();
        String body = "{\"givenName\":\"Ida\",\"familyName\":\"Empotent\",\"email\":\"%s\"}"
                .formatted(MembersApi.email("ida"));
        var first = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/members").then().statusCode(201).extract();
        long afterFirst = count("member");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/members").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        assertEquals(afterFirst, count("member"), "applied once");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.replace("Ida", "Ada")).post("/members").then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/idempotency-key-reused"));
        // Another caller's key is another key; a refused request remembers nothing, so it may be retried.
        String refusedKey = UUID.randomUUID().toString();
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", refusedKey)
                .body("{\"givenName\":\"No\"}").post("/members").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", refusedKey)
                .body(body.replace("ida.", "ida2.")).post("/members").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(201))
                .body(body).post("/members").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownMemberIsA404Problem() {
        given().auth().oauth2(TestTokens.admin())
                .when().get("/members/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("Not found"));
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblemsToo() {
        given().auth().oauth2(TestTokens.admin()).get("/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).delete("/members")
                .then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/members/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingItNotA404() {
        for (String query : List.of("limit=not-a-number", "limit=99999999999999999999", "branch=not-a-uuid")) {
            String name = query.substring(0, query.indexOf('='));
            given().auth().oauth2(TestTokens.admin()).get("/members?" + query)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(name));
        }
    }

    @Test
    void withoutATokenOrWithAForgedOneTheAnswerIs401AndNothingIsWritten() {
        long members = count("member");
        long events = count("outbox");
        String body = """
                {"givenName":"Nobody","familyName":"Here","email":"nobody@example.org"}""";
        given().contentType(ContentType.JSON).body(body).post("/members")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.forged()).contentType(ContentType.JSON).body(body).post("/members")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(body).post("/members")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/members")
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(members, count("member"));
        assertEquals(events, count("outbox") );
    }

    @Test
    void badBodiesAreRejectedWithProblemDetailsAndWriteNothing() {
        long members = count("member");
        String token = TestTokens.admin();
        // malformed JSON
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"givenName\": \"Al")
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.dev/problems/malformed"));
        // missing fields
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"givenName\":\"Al\"}")
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("familyName"))
                .body("errors.field", hasItem("email"));
        // wrong type
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":[1],\"familyName\":\"B\",\"email\":\"a@example.org\"}")
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("givenName"));
        // invalid email
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"A\",\"familyName\":\"B\",\"email\":\"not-an-email\"}")
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        // unknown field
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"A\",\"familyName\":\"B\",\"email\":\"a@example.org\",\"isAdmin\":true}")
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("isAdmin"));
        // too long
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"%s\",\"familyName\":\"B\",\"email\":\"a@example.org\"}".formatted("x".repeat(101)))
                .post("/members").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("givenName"));
        // empty body
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .post("/members").then().statusCode(400).contentType(PROBLEM);
        // not JSON
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello")
                .post("/members").then().statusCode(415).contentType(PROBLEM);
        // oversized body
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"%s\",\"familyName\":\"B\",\"email\":\"a@example.org\"}".formatted("x".repeat(2_000_000)))
                .post("/members").then().statusCode(413).contentType(PROBLEM);
        assertEquals(members, count("member"));
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
