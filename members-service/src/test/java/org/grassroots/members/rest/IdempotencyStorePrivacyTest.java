package org.grassroots.members.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.grassroots.kit.idempotency.IdempotencyRecords;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.PersonalDataScan;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class IdempotencyStorePrivacyTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyRecords records;

    @Test
    void theStoreHoldsNothingReadableAndAReplayAfterErasureIsA410WithNothingPersonal() throws Exception {
        String admin = TestTokens.admin();
        String key = UUID.randomUUID().toString();
        String email = MembersApi.email("yolanda.keyholder");
        // Other tests share this database: the phone's digits must be this person's alone.
        String phoneDigits = "9" + String.format("%05d", Math.floorMod(key.hashCode(), 100_000));
        String body = """
                {"givenName":"Yolanda","familyName":"Keyholder","email":"%s","phone":"07700 %s",
                 "postcode":"TR1 2AB"}""".formatted(email, phoneDigits);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/members").then().statusCode(201).extract().path("id");
        List<String> values = List.of(email, "Yolanda", "Keyholder", "7700" + phoneDigits, "TR1 2AB", key);
        try (Connection c = dataSource.getConnection()) {
            List<String> hits = PersonalDataScan.find(c, values);
            assertFalse(hits.stream().anyMatch(hit -> hit.startsWith("idempotency_key.")),
                    "the remembered answer is sealed and the key only hashed: " + hits);
        }
        // The client holding the key still gets its answer back.
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/members").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("givenName", equalTo("Yolanda"));

        given().auth().oauth2(admin).post("/members/" + id + "/erasure").then().statusCode(201);

        String replay = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/members").then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("/erased")).extract().asString();
        for (String value : values) {
            assertFalse(replay.contains(value), "the 410 names nothing of the person: " + replay);
        }
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), PersonalDataScan.find(c, values), "nothing of the person in any table");
        }
    }

    @Test
    void aReplayAfterTheLifetimeIsANewRequestAndExpiredRecordsArePurged() throws Exception {
        String admin = TestTokens.admin();
        UUID member = MembersApi.member(admin, MembersApi.email("lifetime"), "");
        String key = UUID.randomUUID().toString();
        String consent = """
                {"channel":"email","purpose":"campaigning","granted":true,"lawfulBasis":"consent","source":"stall"}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(consent)
                .post("/members/" + member + "/consents").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(consent)
                .post("/members/" + member + "/consents").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(1, consentsOf(member));

        ageAllRecords("25 hours");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(consent)
                .post("/members/" + member + "/consents").then().statusCode(201)
                .header("Idempotent-Replayed", emptyOrNullString());
        assertEquals(2, consentsOf(member), "past its 24 hours the key is a new request, applied again");

        ageAllRecords("25 hours");
        assertTrue(records.purgeExpired() >= 1);
        assertEquals(0, count("select count(*) from idempotency_key where created_at < now() - interval '24 hours'"));
    }

    private long consentsOf(UUID member) throws Exception {
        return count("select count(*) from consent_record where member_id = '" + member + "'");
    }

    private void ageAllRecords(String by) throws Exception {
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.executeUpdate("update idempotency_key set created_at = created_at - interval '" + by + "'");
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
