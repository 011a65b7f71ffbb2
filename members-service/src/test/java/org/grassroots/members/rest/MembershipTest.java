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
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.grassroots.testing.TestClock;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class MembershipTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondSignupWithTheSameEmailUpdatesTheRecordInsteadOfDuplicatingIt() {
        String admin = TestTokens.admin();
        String email = MembersApi.email("Pat");
        UUID id = MembersApi.member(admin, email, "\"phone\":\"07700 900123\"");
        MembersApi.record(admin, """
                        {"givenName":"Patricia","familyName":"Person","email":"%s","phone":"+44 7700 900999"}"""
                        .formatted(email.toUpperCase()))
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("givenName", equalTo("Patricia"))
                .body("phone", equalTo("+447700900999"));
        assertEquals(1, count("select count(*) from member where email_normalised = ?", email.toLowerCase()));

        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, 2);
        assertEquals(List.of(EventTypes.MEMBER_JOINED, EventTypes.MEMBER_UPDATED), events.stream().map(this::type).toList());
        events.forEach(r -> assertEquals(List.of(), EventCatalogue.load().violations(r)));
    }

    @Test
    void anEmailPastedWithSurroundingSpacesIsTrimmedBeforeItIsValidatedAndFindsThePersonAgain() {
        String admin = TestTokens.admin();
        String email = MembersApi.email("Alex");
        String id = MembersApi.record(admin, """
                        {"givenName":"Alex","familyName":"Spaced","email":"  %s ","additionalEmails":[" alt.%s\\t"]}"""
                        .formatted(email.toUpperCase(), email))
                .statusCode(201)
                .body("email", equalTo(email.toUpperCase()))
                .body("additionalEmails", contains("alt." + email))
                .extract().path("id");
        MembersApi.record(admin, """
                        {"givenName":"Alex","familyName":"Spaced","email":" %s  "}""".formatted(email))
                .statusCode(200).body("id", equalTo(id));
    }

    @Test
    void theExternalIdIsADeduplicationKeyTooAndMayNotContradictTheEmail() {
        String admin = TestTokens.admin();
        String externalId = "crm-" + UUID.randomUUID();
        UUID id = MembersApi.member(admin, MembersApi.email("Sam"), "\"externalId\":\"%s\"".formatted(externalId));
        String newEmail = MembersApi.email("sam.new");
        MembersApi.record(admin, """
                        {"givenName":"Sam","familyName":"Person","email":"%s","externalId":"%s"}"""
                        .formatted(newEmail, externalId))
                .statusCode(200).body("id", equalTo(id.toString())).body("email", equalTo(newEmail));

        String otherEmail = MembersApi.email("other");
        MembersApi.member(admin, otherEmail, "");
        MembersApi.record(admin, """
                        {"givenName":"Sam","familyName":"Person","email":"%s","externalId":"%s"}"""
                        .formatted(otherEmail, externalId))
                .statusCode(409).contentType(PROBLEM);
    }

    @Test
    void theBranchIsProposedFromThePostcodeDistrictThenArea() {
        // Truro's TR area is covered by no other test's branch.
        UUID area = MembersApi.branch("Cornwall", "TR");
        UUID district = MembersApi.branch("Truro city centre", "TR1");
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).get("/members/" + MembersApi.member(admin, MembersApi.email("a"),
                        "\"postcode\":\"tr1 2aa\""))
                .then().body("branchId", equalTo(district.toString())).body("postcode", equalTo("TR1 2AA"));
        given().auth().oauth2(admin).get("/members/" + MembersApi.member(admin, MembersApi.email("b"),
                        "\"postcode\":\"TR4 8AA\""))
                .then().body("branchId", equalTo(area.toString()));
    }

    @Test
    void invalidPhonePostcodeOrBranchIsRejectedAndNothingIsWritten() {
        String admin = TestTokens.admin();
        long before = count("select count(*) from member");
        String base = "{\"givenName\":\"Bad\",\"familyName\":\"Input\",\"email\":\"%s\",%s}";
        MembersApi.record(admin, base.formatted(MembersApi.email("p"), "\"phone\":\"call me maybe\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("phone"));
        MembersApi.record(admin, base.formatted(MembersApi.email("q"), "\"postcode\":\"12345\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("postcode"));
        MembersApi.record(admin, base.formatted(MembersApi.email("r"), "\"branchId\":\"%s\"".formatted(UUID.randomUUID())))
                .statusCode(422).contentType(PROBLEM).body("type", equalTo("https://grassroots.dev/problems/unknown-branch"));
        MembersApi.record(admin, base.formatted(MembersApi.email("s"), "\"membershipType\":\"honorary\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("membershipType"));
        assertEquals(before, count("select count(*) from member"));
    }

    @Test
    void anOrganiserManagesTheirOwnBranchOnly() {
        UUID mine = MembersApi.branch("Liverpool", "L");
        UUID theirs = MembersApi.branch("Manchester", "M");
        String organiser = TestTokens.organiser(mine);
        UUID own = MembersApi.member(organiser, MembersApi.email("own"), "");
        UUID other = MembersApi.member(TestTokens.admin(), MembersApi.email("other"), "\"branchId\":\"%s\"".formatted(theirs));

        given().auth().oauth2(organiser).get("/members/" + own).then().statusCode(200)
                .body("branchId", equalTo(mine.toString()));
        given().auth().oauth2(organiser).get("/members/" + other).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(organiser).get("/members").then().statusCode(200)
                .body("items.branchId", everyItem(equalTo(mine.toString())))
                .body("items.id", hasItem(own.toString()));
        given().auth().oauth2(organiser).queryParam("branch", theirs).get("/members").then().statusCode(403);
        MembersApi.record(organiser, "{\"givenName\":\"X\",\"familyName\":\"Y\",\"email\":\"%s\",\"branchId\":\"%s\"}"
                .formatted(MembersApi.email("x"), theirs)).statusCode(403);
        given().auth().oauth2(organiser).contentType(ContentType.JSON).body("{\"status\":\"lapsed\"}")
                .post("/members/" + other + "/status-changes").then().statusCode(403);
        given().auth().oauth2(TestTokens.organiserWithoutBranch()).get("/members").then().statusCode(403);
        given().auth().oauth2(TestTokens.member(own)).get("/members").then().statusCode(403);
    }

    @Test
    void aMembershipMovesThroughItsLifecycleWithAFullHistory() {
        String admin = TestTokens.admin();
        UUID id = MembersApi.member(admin, MembersApi.email("life"), "");
        change(admin, id, "lapsed", 201);
        change(admin, id, "active", 201);
        change(admin, id, "cancelled", 201);
        change(admin, id, "lapsed", 422);
        change(admin, id, "active", 201);
        change(admin, id, "active", 422);

        given().auth().oauth2(TestTokens.member(id)).get("/members/" + id + "/status-changes").then().statusCode(200)
                .body("kind", contains("joined", "lapsed", "rejoined", "cancelled", "rejoined"))
                .body("toStatus", contains("active", "lapsed", "active", "cancelled", "active"));
        given().auth().oauth2(admin).get("/members/" + id).then().body("status", equalTo("active"));

        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, 5);
        assertEquals(4, events.stream().filter(r -> type(r).equals(EventTypes.MEMBER_STATUS_CHANGED)).count());
        events.forEach(r -> assertEquals(List.of(), EventCatalogue.load().violations(r)));
    }

    @Test
    void theListFiltersByStatusAndServesAsAChangeFeed() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Bristol", "BS");
        UUID lapsed = MembersApi.member(admin, MembersApi.email("l"), "\"branchId\":\"%s\"".formatted(branch));
        UUID active = MembersApi.member(admin, MembersApi.email("a"), "\"branchId\":\"%s\"".formatted(branch));
        OffsetDateTime afterCreation = TestClock.now().minusSeconds(1);
        change(admin, lapsed, "lapsed", 201);

        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("status", "lapsed").get("/members")
                .then().statusCode(200).body("items.id", contains(lapsed.toString()));
        String firstPage = given().auth().oauth2(admin).queryParam("branch", branch).queryParam("limit", 1)
                .get("/members").then().statusCode(200).body("items.id", contains(active.toString()))
                .extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("limit", 1).queryParam("cursor", firstPage)
                .get("/members").then().body("items.id", contains(lapsed.toString()));
        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("updatedSince", afterCreation.toString())
                .get("/members").then().body("items.id", hasItem(lapsed.toString()));
        OffsetDateTime beforeLaterJoiner = TestClock.now();
        UUID later = MembersApi.member(admin, MembersApi.email("later"), "\"branchId\":\"%s\"".formatted(branch));
        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("joinedSince", beforeLaterJoiner.toString())
                .get("/members").then().body("items.id", contains(later.toString()));
        given().auth().oauth2(admin).queryParam("updatedSince", "yesterday").get("/members")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().auth().oauth2(admin).queryParam("status", "asleep").get("/members").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("status"));
    }

    private static void change(String token, UUID id, String status, int expected) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"%s\",\"reason\":\"test\"}".formatted(status))
                .post("/members/" + id + "/status-changes").then().statusCode(expected);
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(UUID id, int expected) {
        return KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().filter(r -> id.toString().equals(r.key())).count() >= expected)
                .stream().filter(r -> id.toString().equals(r.key())).toList();
    }

    private String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
