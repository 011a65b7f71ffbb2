package org.grassroots.webhooks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestTokens;
import org.grassroots.testing.contract.ContractCheckedHttpClient;
import org.grassroots.testing.contract.OpenApiContract;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served document as the oracle of real answers (the suite's contract, kit SuiteContract): every operation of
 * this service is exercised, successes and problems, and each answer must match what the document declares.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class WebhooksContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationIsExercisedAndEveryAnswerMatchesTheServedDocument() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String documentJson = plain.send(HttpRequest.newBuilder(URI.create(root + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode document = JSON.readTree(documentJson);
        OpenApiContract contract = OpenApiContract.of(document);
        ContractCheckedHttpClient http = new ContractCheckedHttpClient(plain, contract);
        String admin = TestTokens.admin();

        try (Receiver receiver = new Receiver()) {
            JsonNode created = JSON.readTree(send(http, "POST", root + "/webhook-endpoints", admin, """
                    {"url":"%s","eventTypes":["*"],"description":"contract"}""".formatted(receiver.url("/c")), 201));
            String id = created.get("id").asText();
            String one = root + "/webhook-endpoints/" + id;
            send(http, "POST", root + "/webhook-endpoints", admin, "{\"url\":\"nope\",\"eventTypes\":[\"*\"]}", 400);
            send(http, "POST", root + "/webhook-endpoints", admin,
                    "{\"url\":\"http://127.0.0.1:9/\",\"eventTypes\":[\"nope\"]}", 422);
            send(http, "GET", root + "/webhook-endpoints?limit=1", admin, null, 200);
            send(http, "GET", root + "/webhook-endpoints?limit=0", admin, null, 400);
            send(http, "GET", root + "/webhook-endpoints", null, null, 401);
            send(http, "GET", one, admin, null, 200);
            send(http, "GET", root + "/webhook-endpoints/" + java.util.UUID.randomUUID(), admin, null, 404);
            send(http, "PATCH", one, admin, "{\"description\":\"changed\"}", 200);
            HttpResponse<String> stale = http.send(HttpRequest.newBuilder(URI.create(one))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", "\"0\"").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(412, stale.statusCode());
            send(http, "POST", one + "/secret-rotations", admin, null, 201);
            send(http, "POST", one + "/test", admin, null, 200);

            JsonNode attempts = JSON.readTree(send(http, "GET", one + "/attempts?limit=10", admin, null, 200));
            String messageId = attempts.at("/items/0/messageId").asText();
            send(http, "GET", one + "/attempts?outcome=succeeded", admin, null, 200);
            send(http, "GET", one + "/attempts?outcome=sometimes", admin, null, 400);
            send(http, "GET", root + "/webhook-endpoints/" + java.util.UUID.randomUUID() + "/attempts", admin, null,
                    404);
            send(http, "POST", one + "/messages/" + messageId + "/resend", admin, null, 202);
            send(http, "POST", one + "/messages/msg_" + java.util.UUID.randomUUID() + "/resend", admin, null, 404);
            JsonNode recovery = JSON.readTree(send(http, "POST", one + "/recover", admin,
                    "{\"since\":\"2001-01-01T00:00:00Z\"}", 202));
            send(http, "POST", one + "/recover", admin, "{\"since\":\"soon\"}", 400);
            send(http, "GET", one + "/recoveries/" + recovery.get("id").asText(), admin, null, 200);
            send(http, "GET", one + "/recoveries/" + java.util.UUID.randomUUID(), admin, null, 404);
            send(http, "PATCH", one, admin, "{\"disabled\":true}", 200);
            send(http, "POST", one + "/recover", admin, "{\"since\":\"2001-01-01T00:00:00Z\"}", 409);
            send(http, "POST", one + "/messages/" + messageId + "/resend", admin, null, 409);
            send(http, "DELETE", one, admin, null, 204);
            send(http, "DELETE", one, admin, null, 404);
        }

        assertTrue(contract.mismatches().isEmpty(), () -> "answers outside the contract: " + contract.mismatches());
        assertTrue(contract.neverExercised().isEmpty(), () -> "never exercised: " + contract.neverExercised());
        assertEquals(11, contract.operationCount(), "the endpoints' seven, the log's, resend, recover, recovery");
        assertEquals(11, contract.validatedByOperation().size(), () -> contract.summary());
        JsonNode create = document.at("/paths/~1webhook-endpoints/post");
        assertEquals("webhooks:write", create.path("x-api-key-scope").asText(), "an API key needs webhooks:write");
        assertEquals("webhooks:read", document.at("/paths/~1webhook-endpoints/get/x-api-key-scope").asText());
        assertEquals("webhooks:read",
                document.at("/paths/~1webhook-endpoints~1{id}~1attempts/get/x-api-key-scope").asText());
        assertEquals("webhooks:write",
                document.at("/paths/~1webhook-endpoints~1{id}~1recover/post/x-api-key-scope").asText());
    }

    private static String send(HttpClient http, String method, String url, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), () -> method + " " + url + " -> " + response.body());
        return response.body();
    }
}
