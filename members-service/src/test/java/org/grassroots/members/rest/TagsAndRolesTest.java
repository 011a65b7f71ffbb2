package org.grassroots.members.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "members"))
class TagsAndRolesTest {

    @Test
    void anOrganiserTagsTheirBranchsMembersAndListsByTag() {
        UUID branch = MembersApi.branch("Nottingham", "NG");
        String organiser = TestTokens.organiser(branch);
        UUID id = MembersApi.member(organiser, MembersApi.email("t"), "");
        UUID other = MembersApi.member(organiser, MembersApi.email("u"), "");

        given().auth().oauth2(organiser).put("/members/" + id + "/tags/leafleter").then().statusCode(200)
                .body("tags", contains("leafleter"));
        given().auth().oauth2(organiser).put("/members/" + id + "/tags/leafleter").then().statusCode(200)
                .body("tags", contains("leafleter"));
        given().auth().oauth2(organiser).queryParam("tag", "leafleter").get("/members").then().statusCode(200)
                .body("items.id", contains(id.toString()));
        given().auth().oauth2(organiser).delete("/members/" + id + "/tags/leafleter").then().statusCode(200)
                .body("tags", empty());
        given().auth().oauth2(organiser).put("/members/" + other + "/tags/Not%20A%20Tag").then().statusCode(400)
                .body("errors[0].field", equalTo("tag"));
        given().auth().oauth2(TestTokens.organiser(UUID.randomUUID())).put("/members/" + id + "/tags/x").then()
                .statusCode(403);
    }

    @Test
    void onlyAnAdminGrantsRolesAndTheChangeIsPublished() throws Exception {
        String admin = TestTokens.admin();
        UUID branch = MembersApi.branch("Bury", "BL9");
        UUID id = MembersApi.member(admin, MembersApi.email("cllr"), "\"branchId\":\"%s\"".formatted(branch));

        given().auth().oauth2(TestTokens.organiser(branch)).put("/members/" + id + "/roles/spokesperson").then()
                .statusCode(403);
        given().auth().oauth2(admin).put("/members/" + id + "/roles/spokesperson").then().statusCode(200)
                .body("roles", contains("spokesperson"));
        given().auth().oauth2(admin).put("/members/" + id + "/roles/councillor").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("role", "spokesperson").queryParam("branch", branch).get("/members")
                .then().statusCode(200).body("items.id", contains(id.toString()));
        given().auth().oauth2(admin).put("/members/" + id + "/roles/emperor").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("role"));

        List<ConsumerRecord<String, byte[]>> updates = KafkaProbe.readUntil(Topics.MEMBERS, Duration.ofSeconds(15),
                        records -> records.stream().anyMatch(r -> isUpdateOf(r, id)))
                .stream().filter(r -> isUpdateOf(r, id)).toList();
        assertEquals(1, updates.size());
        assertEquals(List.of(), EventCatalogue.load().violations(updates.getFirst()));
        assertEquals("[\"spokesperson\"]", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(updates.getFirst().value()).path("roles").toString());
    }

    private static boolean isUpdateOf(ConsumerRecord<String, byte[]> record, UUID id) {
        return id.toString().equals(record.key()) && EventTypes.MEMBER_UPDATED.equals(
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }
}
