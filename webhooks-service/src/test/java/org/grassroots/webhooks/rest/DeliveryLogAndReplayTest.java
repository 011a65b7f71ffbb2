package org.grassroots.webhooks.rest;

import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestClock;
import org.grassroots.testing.TestTokens;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.grassroots.webhooks.support.WebhooksApi.attempts;
import static org.grassroots.webhooks.support.WebhooksApi.memberJoined;
import static org.grassroots.webhooks.support.WebhooksApi.patch;
import static org.grassroots.webhooks.support.WebhooksApi.ping;
import static org.grassroots.webhooks.support.WebhooksApi.recover;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.grassroots.webhooks.support.WebhooksApi.resend;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The attempts log, resending one message, and recovering every failed one since a time. */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class DeliveryLogAndReplayTest {

    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(20);
    /** The test profile's schedule: 8 attempts 0.2 s apart. */
    private static final int SCHEDULED_ATTEMPTS = 8;

    @Test
    void resendSendsTheMessageAgainWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var created = register(receiver.url("/again")).extract();
            String id = created.path("id");
            UUID member = UUID.randomUUID();
            memberJoined(member);
            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size() == 1);
            String webhookId = receiver.receivedAbout(member.toString()).get(0).header("webhook-id");
            // Until its outcome is recorded, the attempt is under way (a resend then is a 409).
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> attempts(id, "").statusCode(200)
                    .body("items.outcome", equalTo(List.of("succeeded"))));

            resend(id, webhookId).statusCode(202);

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.receivedAbout(member.toString()).size() == 2);
            Receiver.Received again = receiver.receivedAbout(member.toString()).get(1);
            assertEquals(webhookId, again.header("webhook-id"));
            assertDoesNotThrow(() -> new Webhook(created.path("secret").toString()).verify(again.body(),
                    again.headers()));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> attempts(id, "").statusCode(200)
                    .body("items.attemptNumber", equalTo(List.of(1, 2))));
        }
    }

    @Test
    void recoverReDeliversExactlyTheMessagesThatFailedSinceAndTheJobCompletesWithTheRightCounts() throws Exception {
        try (Receiver receiver = new Receiver().answers(500, "down")) {
            String id = register(receiver.url("/recover")).extract().path("id");
            UUID older = UUID.randomUUID();
            memberJoined(older);
            awaitSpent(id, receiver, older, SCHEDULED_ATTEMPTS);

            var since = TestClock.now();
            UUID succeeded = UUID.randomUUID();
            receiver.answers(200, "ok");
            memberJoined(succeeded);
            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(succeeded.toString()).size() == 1);
            receiver.answers(500, "down");
            UUID failed = UUID.randomUUID();
            memberJoined(failed);
            awaitSpent(id, receiver, failed, 2 * SCHEDULED_ATTEMPTS + 1);

            receiver.answers(200, "back");
            var job = recover(id, "{\"since\":\"" + since + "\"}").statusCode(202)
                    .body("total", equalTo(1)).body("resent", equalTo(0)).body("state", equalTo("running")).extract();
            String jobId = job.path("id");
            assertEquals(true, job.header("Location").endsWith("/webhook-endpoints/" + id + "/recoveries/" + jobId));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                    .get("/webhook-endpoints/" + id + "/recoveries/" + jobId).then().statusCode(200)
                    .body("state", equalTo("completed")).body("total", equalTo(1)).body("resent", equalTo(1)));
            assertEquals(SCHEDULED_ATTEMPTS + 1, receiver.receivedAbout(failed.toString()).size(),
                    "the failed one once more");
            assertEquals(SCHEDULED_ATTEMPTS, receiver.receivedAbout(older.toString()).size(),
                    "the failure before since is not re-sent");
            assertEquals(1, receiver.receivedAbout(succeeded.toString()).size(), "the success is not re-sent");
        }
    }

    @Test
    void theAttemptsLogIsCursorPaginatedAndFiltersByOutcome() throws Exception {
        try (Receiver receiver = new Receiver().answersInTurn(500)) {
            String id = register(receiver.url("/log")).extract().path("id");
            ping(id).statusCode(200).body("outcome", equalTo("failed"));
            ping(id).statusCode(200).body("outcome", equalTo("succeeded"));
            ping(id).statusCode(200).body("outcome", equalTo("succeeded"));

            String cursor = attempts(id, "?limit=2").statusCode(200).body("items.size()", equalTo(2))
                    .body("items[0].outcome", equalTo("failed")).body("items[0].eventType", equalTo("ping"))
                    .body("items[0].statusCode", equalTo(500)).extract().path("nextCursor");
            attempts(id, "?limit=2&cursor=" + cursor).statusCode(200).body("items.size()", equalTo(1))
                    .body("items[0].outcome", equalTo("succeeded")).body("nextCursor", nullValue());
            attempts(id, "?outcome=failed").statusCode(200).body("items.outcome", equalTo(List.of("failed")));
            attempts(id, "?outcome=succeeded").statusCode(200).body("items.size()", equalTo(2));
        }
    }

    @Test
    void badInputIsAProblemNeverA500() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = register(receiver.url("/bad")).extract().path("id");
            attempts(id, "?outcome=maybe").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("outcome"));
            attempts(id, "?limit=0").statusCode(400);
            attempts(UUID.randomUUID().toString(), "").statusCode(404);
            recover(id, "{\"since\":\"yesterday\"}").statusCode(400).contentType("application/problem+json");
            recover(id, "{}").statusCode(400).contentType("application/problem+json");
            recover(id, "").statusCode(400).contentType("application/problem+json");
            resend(id, "msg_" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
            resend(id, "not-a-message-id").statusCode(404);
            given().auth().oauth2(TestTokens.admin()).get("/webhook-endpoints/" + id + "/recoveries/"
                    + UUID.randomUUID()).then().statusCode(404);

            patch(id, "{\"disabled\":true}").statusCode(200);
            recover(id, "{\"since\":\"" + TestClock.now() + "\"}").statusCode(409)
                    .body("type", endsWith("endpoint-disabled"));
        }
    }

    @Test
    void anApiKeySeesOnlyItsOwnEndpointsLogAndNeedsWebhooksWriteToSendAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String owner = TestTokens.apiKey("webhooks:write", "members:read");
            String id = register(owner, receiver.url("/key"), org.grassroots.webhooks.support.WebhooksApi.MEMBER_JOINED).extract().path("id");
            given().auth().oauth2(owner).get("/webhook-endpoints/" + id + "/attempts").then().statusCode(200);
            given().auth().oauth2(TestTokens.apiKey("webhooks:write")).get("/webhook-endpoints/" + id + "/attempts")
                    .then().statusCode(404);
            given().auth().oauth2(TestTokens.apiKey("webhooks:read")).contentType("application/json")
                    .body("{\"since\":\"" + TestClock.now() + "\"}").post("/webhook-endpoints/" + id + "/recover")
                    .then().statusCode(403);
        }
    }

    /** Waits until the member's message had every scheduled attempt, and the endpoint's log has them all. */
    private static void awaitSpent(String endpointId, Receiver receiver, UUID member, int attemptsInTheLog) {
        await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size()
                == SCHEDULED_ATTEMPTS);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> attempts(endpointId, "?limit=200").statusCode(200)
                .body("items.size()", equalTo(attemptsInTheLog)));
    }
}
