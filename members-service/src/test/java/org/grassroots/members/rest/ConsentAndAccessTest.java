package org.grassroots.members.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class ConsentAndAccessTest {

    private static final String GRANT = """
            {"channel":"email","purpose":"campaigning","granted":%s,"lawfulBasis":"consent","source":"%s"}""";

    @Test
    void aWithdrawalTakesThePersonOutOfConsentGatedListsAtOnce() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Reading", "RG");
        UUID id = MembersApi.member(admin, MembersApi.email("c"), "\"branchId\":\"%s\"".formatted(branch));
        String self = TestTokens.member(id);

        consent(self, id, true, "website form").statusCode(201).body("granted", equalTo(true));
        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("consent", "email:campaigning")
                .get("/members").then().statusCode(200).body("items.id", hasItem(id.toString()));

        consent(self, id, false, "unsubscribe link").statusCode(201);
        given().auth().oauth2(admin).queryParam("branch", branch).queryParam("consent", "email:campaigning")
                .get("/members").then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(self).get("/members/" + id + "/consents").then().statusCode(200)
                .body("current", hasSize(1)).body("current[0].granted", equalTo(false))
                .body("ledger.source", contains("website form", "unsubscribe link"));

        List<ConsumerRecord<String, byte[]>> changes = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> consentEvents(records, id).size() >= 2);
        assertEquals(2, consentEvents(changes, id).size());
        consentEvents(changes, id).forEach(r -> assertEquals(List.of(), EventCatalogue.load().violations(r)));
    }

    @Test
    void consentIsThePersonsOrTheirBranchsAndMustBeWellFormed() {
        String admin = TestTokens.admin();
        UUID id = MembersApi.member(admin, MembersApi.email("d"), "");
        consent(TestTokens.member(UUID.randomUUID()), id, true, "someone else").statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"channel\":\"pigeon\",\"purpose\":\"campaigning\",\"granted\":true,\"lawfulBasis\":\"consent\",\"source\":\"x\"}")
                .post("/members/" + id + "/consents").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"channel\":\"email\",\"purpose\":\"campaigning\",\"lawfulBasis\":\"consent\",\"source\":\"x\"}")
                .post("/members/" + id + "/consents").then().statusCode(400).body("errors[0].field", equalTo("granted"));
        given().auth().oauth2(admin).queryParam("consent", "email").get("/members")
                .then().statusCode(400).body("errors[0].field", equalTo("consent"));
    }

    @Test
    void aPersonGetsEverythingHeldAboutThemAndNobodyElseDoesExceptAnAdmin() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Exeter", "EX");
        UUID id = MembersApi.member(admin, MembersApi.email("e"), "\"branchId\":\"%s\",\"phone\":\"07700 900111\""
                .formatted(branch));
        consent(TestTokens.member(id), id, true, "paper form").statusCode(201);

        given().auth().oauth2(TestTokens.member(id)).get("/members/" + id + "/export").then().statusCode(200)
                .body("person.id", equalTo(id.toString()))
                .body("person.phone", equalTo("+447700900111"))
                .body("statusHistory.kind", contains("joined"))
                .body("consentLedger.source", contains("paper form"));
        given().auth().oauth2(admin).get("/members/" + id + "/export").then().statusCode(200);
        given().auth().oauth2(TestTokens.organiser(branch)).get("/members/" + id + "/export").then().statusCode(403);
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/members/" + id + "/export").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse consent(String token, UUID id, boolean granted, String source) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(GRANT.formatted(granted, source))
                .post("/members/" + id + "/consents").then();
    }

    private static List<ConsumerRecord<String, byte[]>> consentEvents(List<ConsumerRecord<String, byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(r.key()))
                .filter(r -> EventTypes.MEMBER_CONSENT_CHANGED.equals(
                        new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .toList();
    }
}
