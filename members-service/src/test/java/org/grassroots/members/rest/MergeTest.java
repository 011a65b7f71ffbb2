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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.grassroots.testing.TestClock;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class MergeTest {

    @Test
    void aMergedDuplicateBecomesARedirectAndItsDataJoinsTheSurvivor() {
        String admin = TestTokens.admin();
        OffsetDateTime before = TestClock.now().minusSeconds(1);
        UUID survivor = MembersApi.member(admin, MembersApi.email("keep"), "\"phone\":\"07700 900222\"");
        String externalId = "crm-" + UUID.randomUUID();
        String duplicateEmail = MembersApi.email("dupe");
        UUID duplicate = MembersApi.member(admin, duplicateEmail,
                "\"postcode\":\"CO1 1AA\",\"externalId\":\"%s\"".formatted(externalId));
        given().auth().oauth2(admin).put("/members/" + duplicate + "/tags/driver").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"channel":"sms","purpose":"events","granted":true,"lawfulBasis":"consent","source":"stall"}""")
                .post("/members/" + duplicate + "/consents").then().statusCode(201);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"duplicateId\":\"%s\"}".formatted(duplicate))
                .post("/members/" + survivor + "/merges").then().statusCode(200)
                .body("id", equalTo(survivor.toString()))
                .body("phone", equalTo("+447700900222"))
                .body("postcode", equalTo("CO1 1AA"))
                .body("externalId", equalTo(externalId))
                .body("tags", contains("driver"))
                .body("additionalEmails", contains(duplicateEmail));
        // The duplicate's address now finds the survivor.
        MembersApi.record(admin, "{\"givenName\":\"Test\",\"familyName\":\"Person\",\"email\":\"%s\"}"
                .formatted(duplicateEmail.toUpperCase())).statusCode(200).body("id", equalTo(survivor.toString()));

        given().auth().oauth2(admin).redirects().follow(false).get("/members/" + duplicate)
                .then().statusCode(308).header("Location", endsWith("/members/" + survivor));
        given().auth().oauth2(admin).get("/members/" + survivor + "/consents").then()
                .body("ledger.source", contains("stall"));
        given().auth().oauth2(admin).queryParam("since", before.toString()).get("/members/deletions").then()
                .statusCode(200)
                .body("items.memberId", hasItem(duplicate.toString()))
                .body("items.find { it.memberId == '%s' }.reason".formatted(duplicate), equalTo("merged"))
                .body("items.find { it.memberId == '%s' }.survivorId".formatted(duplicate), equalTo(survivor.toString()));

        List<ConsumerRecord<String, byte[]>> merged = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> isMerge(r, duplicate)))
                .stream().filter(r -> isMerge(r, duplicate)).toList();
        assertEquals(1, merged.size());
        assertEquals(List.of(), EventCatalogue.load().violations(merged.getFirst()));
    }

    @Test
    void mergingNeedsTwoDistinctExistingRecordsAndTheRightToManageBoth() {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Wellingborough", "NN8");
        UUID mine = MembersApi.member(admin, MembersApi.email("m"), "\"branchId\":\"%s\"".formatted(branch));
        UUID elsewhere = MembersApi.member(admin, MembersApi.email("e"), "");
        merge(admin, mine, mine).statusCode(422);
        merge(admin, mine, UUID.randomUUID()).statusCode(422);
        merge(TestTokens.organiser(branch), mine, elsewhere).statusCode(403);
        given().auth().oauth2(admin).get("/members/" + elsewhere).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse merge(String token, UUID survivor, UUID duplicate) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"duplicateId\":\"%s\"}".formatted(duplicate))
                .post("/members/" + survivor + "/merges").then();
    }

    private static boolean isMerge(ConsumerRecord<String, byte[]> record, UUID duplicate) {
        return duplicate.toString().equals(record.key()) && EventTypes.MEMBER_MERGED.equals(
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }
}
