package org.grassroots.elections.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.grassroots.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The elections API as tests call it. */
public final class ElectionsApi {

    private ElectionsApi() {
    }

    /** A slug no other test uses, so tests sharing the database stay apart. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse post(String path, String json) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(json).post(path).then();
    }

    public static void election(String electionId, String name) {
        post("/elections", "{\"electionId\":\"%s\",\"name\":\"%s\"}".formatted(electionId, name)).statusCode(201);
    }

    /** Records the election group unless it exists (groups are shared by every test on that date). */
    public static void group(String electionId) {
        int status = post("/elections", "{\"electionId\":\"%s\",\"name\":\"%s\"}".formatted(electionId, electionId))
                .extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("could not record " + electionId + ": " + status);
        }
    }

    /** Records an organisation; returns its id. */
    public static UUID organisation(String slug, String name, String type) {
        return UUID.fromString(post("/organisations", "{\"slug\":\"%s\",\"name\":\"%s\",\"organisationType\":\"%s\"}"
                .formatted(slug, name, type)).statusCode(201).extract().path("id"));
    }

    /** Records a post of an organisation; returns its id. */
    public static UUID post(UUID organisationId, String slug, String name, int seats) {
        return UUID.fromString(post("/posts", """
                {"organisationId":"%s","slug":"%s","name":"%s","kind":"ward","seats":%d}"""
                .formatted(organisationId, slug, name, seats)).statusCode(201).extract().path("id"));
    }

    /** Records a party; returns its id. */
    public static UUID party(String name, String ecId) {
        String ec = ecId == null ? "" : ",\"ecId\":\"" + ecId + "\"";
        return UUID.fromString(post("/parties", "{\"name\":\"%s\"%s}".formatted(name, ec))
                .statusCode(201).extract().path("id"));
    }

    /** A unique Electoral Commission id (never our party's). */
    public static String ecId() {
        return "PP" + (100000 + new java.util.Random().nextInt(800000));
    }

    /**
     * A town council with a ward of {@code seats} seats, its 2022 local election and the ward's ballot.
     * @return the ballot paper id
     */
    public static Ward ward(int seats) {
        String org = slug("bury");
        UUID organisationId = organisation(org, "Bury St Edmunds Town Council " + org, "town-council");
        UUID postId = post(organisationId, "st-olaves", "St Olaves", seats);
        group("local.2022-05-05");
        election("local.%s.2022-05-05".formatted(org), "Bury St Edmunds Town Council");
        String ballot = "local.%s.st-olaves.2022-05-05".formatted(org);
        post("/ballots", "{\"ballotPaperId\":\"%s\",\"postId\":\"%s\"}".formatted(ballot, postId)).statusCode(201);
        return new Ward(org, organisationId, postId, ballot);
    }

    public record Ward(String organisationSlug, UUID organisationId, UUID postId, String ballotPaperId) {
    }

    /** Our party (Electoral Commission id from config, PP9999 in tests), recorded once; returns its id. */
    public static UUID ourParty() {
        int status = post("/parties", "{\"name\":\"Grassroots Party\",\"ecId\":\"PP9999\"}").extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("could not record our party: " + status);
        }
        return UUID.fromString(given().queryParam("ecId", "PP9999").get("/parties").then().statusCode(200)
                .extract().path("items[0].id"));
    }

    /** A member as members-service announces one; waits until the projection knows them. */
    public static UUID member(String status) {
        UUID memberId = UUID.randomUUID();
        org.grassroots.testing.KafkaProbe.send(org.grassroots.testing.CloudEventRecords.cloudEvent(
                org.grassroots.kit.catalogue.Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                org.grassroots.kit.catalogue.EventTypes.MEMBER_JOINED, """
                        {"memberId":"%s","status":"%s","membershipType":"member","joinedAt":"2022-03-01T09:30:00Z"}"""
                        .formatted(memberId, status)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        org.grassroots.elections.domain.MemberStanding.findById(memberId) != null));
        return memberId;
    }

    /** Records an office-holder from a raw affiliations JSON array; returns the response. */
    public static ValidatableResponse officeHolder(String name, UUID postId, UUID memberId, String affiliationsJson) {
        String member = memberId == null ? "" : ",\"memberId\":\"" + memberId + "\"";
        return post("/office-holders", "{\"name\":\"%s\",\"postId\":\"%s\"%s,\"affiliations\":%s}"
                .formatted(name, postId, member, affiliationsJson));
    }
}
