package org.grassroots.webhooks.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.TestTokens;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** The webhooks API as tests call it (as an admin unless a token is given), and events as other services send them. */
public final class WebhooksApi {

    public static final String MEMBER_JOINED = "org.grassroots.member.joined.v1";

    private WebhooksApi() {
    }

    public static ValidatableResponse create(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/webhook-endpoints").then();
    }

    public static ValidatableResponse create(String json) {
        return create(TestTokens.admin(), json);
    }

    /** Registers an endpoint for the URL; returns the answer (with the secret). */
    public static ValidatableResponse register(String url) {
        return register(TestTokens.admin(), url, MEMBER_JOINED);
    }

    /** Registers an endpoint for the URL and event types, as the token's owner. */
    public static ValidatableResponse register(String token, String url, String... types) {
        String list = Arrays.stream(types).map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        return create(token, """
                {"url":"%s","eventTypes":[%s],"description":"test receiver"}""".formatted(url, list)).statusCode(201);
    }

    public static ValidatableResponse ping(String id) {
        return given().auth().oauth2(TestTokens.admin()).post("/webhook-endpoints/" + id + "/test").then();
    }

    public static ValidatableResponse rotate(String id) {
        return given().auth().oauth2(TestTokens.admin()).post("/webhook-endpoints/" + id + "/secret-rotations").then();
    }

    public static ValidatableResponse get(String id) {
        return given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then();
    }

    public static ValidatableResponse patch(String id, String json) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json").body(json)
                .patch("/webhook-endpoints/" + id).then();
    }

    /** The endpoint's attempts log, with this query (e.g. {@code ?outcome=failed}). */
    public static ValidatableResponse attempts(String id, String query) {
        return given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id + "/attempts" + query).then();
    }

    public static ValidatableResponse resend(String id, String messageId) {
        return given().auth().oauth2(TestTokens.admin())
                .post("/webhook-endpoints/" + id + "/messages/" + messageId + "/resend").then();
    }

    public static ValidatableResponse recover(String id, String json) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(json)
                .post("/webhook-endpoints/" + id + "/recover").then();
    }

    /**
     * Publishes a {@code member.joined} to the members topic as members-service would (binary-mode CloudEvent, key
     * and subject the member id), with the payload's real fields.
     */
    public static UUID memberJoined(UUID memberId) {
        return memberEvent(memberId, MEMBER_JOINED, """
                {"memberId":"%s","status":"active","membershipType":"member","branchId":null,"joinedAt":"%s"}"""
                .formatted(memberId, TestClock.now()));
    }

    /** Publishes an event of the member's with this type and JSON data; answers its ce_id. */
    public static UUID memberEvent(UUID memberId, String type, String json) {
        UUID eventId = UUID.randomUUID();
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), eventId, type, json));
        return eventId;
    }
}
