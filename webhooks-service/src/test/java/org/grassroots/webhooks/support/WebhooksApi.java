package org.grassroots.webhooks.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.grassroots.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** The webhooks API as tests call it (as an admin unless a token is given). */
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
        return create("""
                {"url":"%s","eventTypes":["%s"],"description":"test receiver"}""".formatted(url, MEMBER_JOINED))
                .statusCode(201);
    }

    public static ValidatableResponse ping(String id) {
        return given().auth().oauth2(TestTokens.admin()).post("/webhook-endpoints/" + id + "/test").then();
    }

    public static ValidatableResponse rotate(String id) {
        return given().auth().oauth2(TestTokens.admin()).post("/webhook-endpoints/" + id + "/secret-rotations").then();
    }
}
