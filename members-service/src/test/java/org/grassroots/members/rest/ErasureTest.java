package org.grassroots.members.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.members.support.MembersApi;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.PersonalDataScan;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class ErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anErasedPersonLeavesNoPersonalDataAndAnAuditRecordWithoutAny() throws Exception {
        String admin = TestTokens.admin();
        String email = MembersApi.email("zelda.quartermain");
        String id = MembersApi.record(admin, """
                        {"givenName":"Zelda","familyName":"Quartermain","email":"%s","phone":"07700 900777",
                         "postcode":"EX1 1AA","origin":"stall in Exeter"}""".formatted(email))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"status\":\"lapsed\",\"reason\":\"moved\"}")
                .post("/members/" + id + "/status-changes").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"channel":"email","purpose":"campaigning","granted":true,"lawfulBasis":"consent",
                         "source":"signup sheet 42"}""")
                .post("/members/" + id + "/consents").then().statusCode(201);

        given().auth().oauth2(admin).post("/members/" + id + "/erasure")
                .then().statusCode(201).body("memberId", equalTo(id));
        given().auth().oauth2(admin).post("/members/" + id + "/erasure")
                .then().statusCode(201).body("memberId", equalTo(id));

        given().auth().oauth2(admin).get("/members/" + id).then().statusCode(404);
        given().auth().oauth2(admin).get("/members/" + id + "/erasure").then().statusCode(200);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), PersonalDataScan.find(c, List.of(email, "Zelda", "Quartermain", "+447700900777",
                    "EX1 1AA", "stall in Exeter", "moved", "signup sheet 42")));
        }

        List<ConsumerRecord<String, byte[]>> events = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> id.equals(r.key()) && type(r).equals(EventTypes.MEMBER_ERASED)))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(1, events.stream().filter(r -> type(r).equals(EventTypes.MEMBER_ERASED)).count(),
                "erasing twice publishes one erasure");
        events.forEach(r -> assertEquals(List.of(), EventCatalogue.load().violations(r)));
        String erased = events.stream().filter(r -> type(r).equals(EventTypes.MEMBER_ERASED)).findFirst()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).orElseThrow();
        // The address's keyed digest, for the other services to find copies kept without the member id; not the
        // address, and not its plain SHA-256 (which anyone could test a list of addresses against).
        assertTrue(erased.contains(org.grassroots.testing.TestErasureDigests.of(email)), erased);
        assertFalse(erased.contains(sha256Hex(email.toLowerCase(Locale.ROOT))), erased);
        assertFalse(erased.contains(email) || erased.contains("Zelda"), erased);

        List<ConsumerRecord<String, byte[]>> states = KafkaProbe.readUntil(Topics.MEMBER_STATE, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> id.equals(r.key()) && r.value() == null))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(null, states.getLast().value(), "the member's last state is a tombstone");
        assertTrue(states.size() >= 3, "joined, lapsed, then the tombstone");
        states.forEach(r -> assertEquals(List.of(), EventCatalogue.load().violations(r)));
        try (var kafkaAdmin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                org.grassroots.testing.GrassrootsInfrastructure.get().kafkaBootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.MEMBER_STATE);
            assertEquals("compact", kafkaAdmin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value());
        }
    }

    @Test
    void onlyAdminsEraseAndOnlyPeopleWhoExist() {
        UUID branch = MembersApi.branch("Colchester", "CO");
        UUID id = MembersApi.member(TestTokens.admin(), MembersApi.email("kept"), "\"branchId\":\"%s\"".formatted(branch));
        given().auth().oauth2(TestTokens.organiser(branch)).post("/members/" + id + "/erasure").then().statusCode(403);
        given().auth().oauth2(TestTokens.member(id)).post("/members/" + id + "/erasure").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/members/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/members/" + UUID.randomUUID() + "/erasure")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void someoneWhoIsNotAMemberIsErasedByEmailWithOnlyTheAddresssDigestPublishedAndNothingOfItKept() throws Exception {
        String admin = TestTokens.admin();
        String email = MembersApi.email("pat.public");
        String erasure = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"email\":\"  %s \"}".formatted(email.toUpperCase(Locale.ROOT))).post("/erasures")
                .then().statusCode(201).body("subject", equalTo("email")).body("memberId", equalTo(null))
                .extract().path("id");
        given().auth().oauth2(admin).get("/erasures/" + erasure).then().statusCode(200).body("id", equalTo(erasure));

        ConsumerRecord<String, byte[]> published = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> erasure.equals(r.key())))
                .stream().filter(r -> erasure.equals(r.key())).findFirst().orElseThrow();
        assertEquals(EventTypes.PERSON_ERASED, type(published));
        assertEquals(List.of(), EventCatalogue.load().violations(published));
        String data = new String(published.value(), StandardCharsets.UTF_8);
        assertTrue(data.contains(org.grassroots.testing.TestErasureDigests.of(email)), data);
        assertFalse(data.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT)), data);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), PersonalDataScan.find(c, List.of(email)));
        }
    }

    @Test
    void anErasureByEmailOfAMembersAddressIsRefusedAndChangesNothing() {
        String admin = TestTokens.admin();
        String email = MembersApi.email("still.a.member");
        UUID id = MembersApi.member(admin, email, "");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"email\":\"%s\"}".formatted(email))
                .post("/erasures").then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("is-a-member"));
        given().auth().oauth2(admin).get("/members/" + id).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"email\":\"not an address\"}")
                .post("/erasures").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.organiser(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"email\":\"x@example.org\"}").post("/erasures").then().statusCode(403);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
