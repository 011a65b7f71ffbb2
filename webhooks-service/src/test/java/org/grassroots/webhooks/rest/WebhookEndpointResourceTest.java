package org.grassroots.webhooks.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.grassroots.webhooks.support.WebhooksApi.MEMBER_JOINED;
import static org.grassroots.webhooks.support.WebhooksApi.create;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.grassroots.webhooks.support.WebhooksApi.rotate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class WebhookEndpointResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource database;

    @Test
    void anEndpointIsRegisteredReadAndRemovedAndItsSecretIsNeverShownAgain() {
        String url = "http://127.0.0.1:9/" + UUID.randomUUID();
        var created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("""
                        {"url":"%s","eventTypes":["%s","*"],"description":"CRM"}""".formatted(url, MEMBER_JOINED))
                .post("/webhook-endpoints").then().statusCode(201).header("Location", notNullValue())
                .header("ETag", notNullValue()).body("url", equalTo(url)).body("disabled", equalTo(false))
                .body("eventTypes", contains("*", MEMBER_JOINED)).extract();
        String id = created.path("id");
        given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).body("url", equalTo(url)).body("description", equalTo("CRM"))
                .body("secret", nullValue()).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 200).get("/webhook-endpoints").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items[0]", not(org.hamcrest.Matchers.hasKey("secret")));

        given().auth().oauth2(TestTokens.admin()).delete("/webhook-endpoints/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then().statusCode(404)
                .contentType(PROBLEM);
        assertEquals(0, count("select count(*) from webhook_secret where endpoint_id = ?", UUID.fromString(id)),
                "its secrets go with it");
    }

    @Test
    void theListIsCursorPaginatedOldestFirst() {
        String token = TestTokens.apiKey("webhooks:write"); // its own endpoints only: the list is exactly these
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(token, """
                    {"url":"http://127.0.0.1:9/%d","eventTypes":["*"]}""".formatted(i)).statusCode(201)
                    .extract().path("id"));
        }
        var first = given().auth().oauth2(token).queryParam("limit", 2).get("/webhook-endpoints").then()
                .statusCode(200).body("items.id", contains(ids.get(0), ids.get(1))).extract();
        String cursor = first.path("nextCursor");
        assertNotNull(cursor);
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/webhook-endpoints")
                .then().statusCode(200).body("items.id", contains(ids.get(2))).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("limit", 201).get("/webhook-endpoints").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        long before = count("select count(*) from webhook_endpoint");
        create("{\"url\":\"not a url\",\"eventTypes\":[\"*\"]}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"));
        create("{\"url\":\"/relative/path\",\"eventTypes\":[\"*\"]}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"));
        create("{\"url\":\"ftp://example.org/x\",\"eventTypes\":[\"*\"]}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"));
        create("{\"url\":\"http://127.0.0.1:9/x\",\"eventTypes\":[\"org.grassroots.member.teleported.v1\"]}")
                .statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("eventTypes"))
                .body("detail", org.hamcrest.Matchers.containsString("org.grassroots.member.teleported.v1"));
        create("{\"url\":\"http://127.0.0.1:9/x\",\"eventTypes\":[]}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("eventTypes"));
        create("{\"url\":\"http://127.0.0.1:9/x\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("eventTypes"));
        create("{\"url\":\"http://127.0.0.1:9/x\",\"eventTypes\":[\"*\"],\"secret\":\"whsec_mine\"}")
                .statusCode(400).contentType(PROBLEM);
        assertEquals(before, count("select count(*) from webhook_endpoint"), "no refused endpoint was stored");
    }

    @Test
    void aPatchChangesWhatItNamesAndAStaleIfMatchIsA412ChangingNothing() {
        String id = register("http://127.0.0.1:9/a").extract().path("id");
        String etag = given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then()
                .statusCode(200).extract().header("ETag");

        String next = patch(id, etag, "{\"disabled\":true,\"eventTypes\":[\"*\"],\"description\":null}")
                .statusCode(200).body("disabled", equalTo(true)).body("eventTypes", contains("*"))
                .body("description", nullValue()).body("url", equalTo("http://127.0.0.1:9/a"))
                .extract().header("ETag");
        assertNotEquals(etag, next, "a change is a new version");

        patch(id, etag, "{\"url\":\"http://127.0.0.1:9/b\"}").statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/a")).header("ETag", equalTo(next));

        patch(id, next, "{\"url\":\"http://127.0.0.1:9/b\"}").statusCode(200).body("url", equalTo("http://127.0.0.1:9/b"));
        patch(id, null, "{\"owner\":\"someone\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("owner"));
        patch(id, null, "{\"url\":\"gopher://x\"}").statusCode(400).contentType(PROBLEM);
        patch(id, null, "{\"eventTypes\":[\"nope\"]}").statusCode(422).contentType(PROBLEM);
        patch(id, null, "{\"disabled\":null}").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theSecretIsStoredSealedNeverInClear() throws Exception {
        var created = register("http://127.0.0.1:9/sealed").extract();
        UUID id = UUID.fromString(created.path("id"));
        String secret = created.path("secret");
        String rotatedSecret = rotate(id.toString()).statusCode(201).extract().path("secret");

        for (String shown : List.of(secret, rotatedSecret)) {
            byte[] raw = Base64.getDecoder().decode(shown.substring("whsec_".length()));
            String rawHex = HexFormat.of().formatHex(raw);
            String stored = dumpOf(id);
            assertFalse(stored.contains(shown.substring("whsec_".length())), "the base64 secret is not stored");
            assertFalse(stored.contains(rawHex), "the secret's bytes are not stored");
        }
        assertEquals(2, count("select count(*) from webhook_secret where endpoint_id = ?", id));
        assertEquals(1, count("select count(*) from webhook_secret where endpoint_id = ? and expires_at is null", id),
                "one current secret; the previous one expires");
    }

    @Test
    void anApiKeyWithWebhooksWriteManagesOnlyTheEndpointsItRegistered() {
        String keyA = TestTokens.apiKey("webhooks:write");
        String keyB = TestTokens.apiKey("webhooks:write");
        String id = create(keyA, "{\"url\":\"http://127.0.0.1:9/a\",\"eventTypes\":[\"*\"]}").statusCode(201)
                .body("owner", org.hamcrest.Matchers.startsWith("api-key:")).extract().path("id");
        given().auth().oauth2(keyA).get("/webhook-endpoints/" + id).then().statusCode(200);
        given().auth().oauth2(keyB).get("/webhook-endpoints/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(keyB).delete("/webhook-endpoints/" + id).then().statusCode(404);
        given().auth().oauth2(keyB).queryParam("limit", 200).get("/webhook-endpoints").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.apiKey("webhooks:read")).get("/webhook-endpoints").then().statusCode(200);
        create(TestTokens.apiKey("webhooks:read"), "{\"url\":\"http://127.0.0.1:9/r\",\"eventTypes\":[\"*\"]}")
                .statusCode(403).contentType(PROBLEM);
        create(TestTokens.apiKey("members:write"), "{\"url\":\"http://127.0.0.1:9/m\",\"eventTypes\":[\"*\"]}")
                .statusCode(403).contentType(PROBLEM);
        given().get("/webhook-endpoints").then().statusCode(401).contentType(PROBLEM);
        create(TestTokens.token(UUID.randomUUID().toString(), "member"),
                "{\"url\":\"http://127.0.0.1:9/m\",\"eventTypes\":[\"*\"]}").statusCode(403);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheRegistrationInsteadOfMakingASecondEndpoint() {
        String key = UUID.randomUUID().toString();
        String admin = TestTokens.admin(); // the key is the caller's: the same subject each time
        String body = "{\"url\":\"http://127.0.0.1:9/idem\",\"eventTypes\":[\"*\"]}";
        var first = given().auth().oauth2(admin).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/webhook-endpoints").then().statusCode(201).extract();
        given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/webhook-endpoints").then().statusCode(201)
                .body("id", equalTo(first.path("id"))).body("secret", equalTo(first.path("secret")));
        given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/other\",\"eventTypes\":[\"*\"]}").post("/webhook-endpoints")
                .then().statusCode(422).contentType(PROBLEM);
    }

    private static io.restassured.response.ValidatableResponse patch(String id, String ifMatch, String json) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType("application/merge-patch+json").body(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/webhook-endpoints/" + id).then();
    }

    private long count(String sql, Object... args) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the endpoint's rows as text (bytea as hex), to search for the secret. */
    private String dumpOf(UUID id) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = database.getConnection()) {
            for (String sql : List.of("select t::text from webhook_endpoint t where id = ?",
                    "select t::text, encode(sealed, 'hex'), encode(sealed, 'base64') from webhook_secret t where endpoint_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setObject(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                                all.append(r.getString(i)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        assertFalse(all.isEmpty());
        String flat = all.toString().replace("\n", "");
        return flat + "|" + flat.toLowerCase(java.util.Locale.ROOT);
    }
}
