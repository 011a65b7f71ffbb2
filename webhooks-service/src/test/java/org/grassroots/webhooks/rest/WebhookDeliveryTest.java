package org.grassroots.webhooks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.webhooks.support.DocumentedWebhooks;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.grassroots.webhooks.support.WebhooksApi.ping;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.grassroots.webhooks.support.WebhooksApi.rotate;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries as a receiver sees them, each checked with the official Standard Webhooks library
 * ({@code com.standardwebhooks.Webhook#verify}), never with this service's own signing code.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aPingIsSignedPerStandardWebhooksAndVerifiesWithTheOfficialLibrary() throws Exception {
        var created = register(receiver.url("/hooks")).body("secret", startsWith("whsec_")).extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length,
                "the secret is base64 of 32 random bytes");

        ping(id).statusCode(200).body("outcome", equalTo("succeeded")).body("statusCode", equalTo(200))
                .body("response", equalTo("ok")).body("error", nullValue()).body("messageId", startsWith("msg_"));

        assertEquals(1, receiver.received().size());
        Receiver.Received delivery = receiver.last();
        assertDoesNotThrow(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()));
        assertTrue(delivery.header("webhook-id").startsWith("msg_"));
        assertEquals("application/json", delivery.header("content-type"));
        assertEquals(1, delivery.header("webhook-signature").split(" ").length, "one secret, one signature");
        JsonNode body = JSON.readTree(delivery.body());
        assertEquals("ping", body.get("type").asText());
        assertEquals(id, body.get("data").get("endpointId").asText());
        assertTrue(body.hasNonNull("timestamp"));
        assertEquals(List.of(), DocumentedWebhooks.violations("ping", delivery.body()), "as the document describes it");
    }

    @Test
    void theOracleCanFail_aWrongSecretOrATamperedBodyDoesNotVerify() {
        String id = register(receiver.url("/hooks")).extract().path("id");
        String secret = register(receiver.url("/other")).extract().path("secret"); // another endpoint's secret
        ping(id).statusCode(200).body("outcome", equalTo("succeeded"));
        Receiver.Received delivery = receiver.last();

        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(secret).verify(delivery.body(), delivery.headers()));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(randomSecret()).verify(delivery.body(), delivery.headers()));
    }

    @Test
    void afterARotationThePingCarriesTwoSignaturesAndBothSecretsVerify() {
        var created = register(receiver.url("/hooks")).extract();
        String id = created.path("id");
        String oldSecret = created.path("secret");

        var rotated = rotate(id).statusCode(201).body("endpointId", equalTo(id))
                .body("secret", startsWith("whsec_")).body("secret", not(equalTo(oldSecret)))
                .body("previousSecretExpiresAt", not(nullValue())).extract();
        String newSecret = rotated.path("secret");

        ping(id).statusCode(200).body("outcome", equalTo("succeeded"));
        Receiver.Received delivery = receiver.last();
        assertEquals(2, delivery.header("webhook-signature").split(" ").length,
                "both live secrets sign: " + delivery.header("webhook-signature"));
        assertDoesNotThrow(() -> new Webhook(oldSecret).verify(delivery.body(), delivery.headers()));
        assertDoesNotThrow(() -> new Webhook(newSecret).verify(delivery.body(), delivery.headers()));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(randomSecret()).verify(delivery.body(), delivery.headers()));
    }

    @Test
    void aFailingAnswerIsReportedWithItsStatusAndTheFirstKilobyteOfItsBody() {
        String id = register(receiver.url("/hooks")).extract().path("id");
        receiver.answers(500, "x".repeat(5000));
        ping(id).statusCode(200).body("outcome", equalTo("failed")).body("statusCode", equalTo(500))
                .body("response.length()", equalTo(1024));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
        try (Receiver elsewhere = new Receiver()) {
            String id = register(receiver.url("/hooks")).extract().path("id");
            receiver.redirectsTo(elsewhere.url("/stolen"));
            ping(id).statusCode(200).body("outcome", equalTo("failed")).body("statusCode", equalTo(302))
                    .body("error", equalTo("redirects are not followed"));
            assertEquals(0, elsewhere.received().size(), "the redirect was not followed");
        }
    }

    @Test
    void anUnreachableEndpointIsAFailedAttemptWithoutAStatus() {
        String url = receiver.url("/hooks");
        String id = register(url).extract().path("id");
        receiver.close(); // nobody listens on that port any more
        ping(id).statusCode(200).body("outcome", equalTo("failed")).body("statusCode", nullValue())
                .body("error", startsWith("could not reach"));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
