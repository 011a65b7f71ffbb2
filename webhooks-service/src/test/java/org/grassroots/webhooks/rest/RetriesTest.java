package org.grassroots.webhooks.rest;

import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.testing.webhooks.Receiver;
import org.grassroots.testing.EventCatalogue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.grassroots.webhooks.support.WebhooksApi.attempts;
import static org.grassroots.webhooks.support.WebhooksApi.get;
import static org.grassroots.webhooks.support.WebhooksApi.memberEvent;
import static org.grassroots.webhooks.support.WebhooksApi.memberJoined;
import static org.grassroots.webhooks.support.WebhooksApi.patch;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures and what follows them, end to end from Kafka (the test profile runs the retry schedule in 0.2 s steps):
 * the same webhook-id on every attempt, 410, Retry-After, order per resource, and a slow receiver's isolation.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class RetriesTest {

    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(20);

    @Test
    void aReceiverAnswering500TwiceThen200GetsTheSameWebhookIdThreeTimesAllVerifiedAndTheLogSaysSo() throws Exception {
        try (Receiver receiver = new Receiver().answersInTurn(500, 500)) {
            var created = register(receiver.url("/flaky")).extract();
            String id = created.path("id");
            String secret = created.path("secret");
            UUID member = UUID.randomUUID();
            memberJoined(member);

            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size() == 3);
            List<Receiver.Received> deliveries = receiver.receivedAbout(member.toString());
            assertEquals(1, deliveries.stream().map(d -> d.header("webhook-id")).distinct().count(),
                    "one webhook-id on every attempt");
            deliveries.forEach(d -> assertDoesNotThrow(() -> new Webhook(secret).verify(d.body(), d.headers())));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> attempts(id, "").statusCode(200)
                    .body("items.outcome", equalTo(List.of("failed", "failed", "succeeded")))
                    .body("items.statusCode", equalTo(List.of(500, 500, 200)))
                    .body("items.attemptNumber", equalTo(List.of(1, 2, 3)))
                    .body("items.messageId", equalTo(List.of(deliveries.get(0).header("webhook-id"),
                            deliveries.get(0).header("webhook-id"), deliveries.get(0).header("webhook-id")))));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.receivedAbout(member.toString()).size() == 3);
        }
    }

    @Test
    void a410DisablesTheEndpointAtOnceNothingMoreIsSentAndEndpointDisabledIsPublished() throws Exception {
        try (Receiver receiver = new Receiver().answers(410, "gone")) {
            String id = register(receiver.url("/gone")).extract().path("id");
            UUID first = UUID.randomUUID();
            memberJoined(first);
            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(first.toString()).size() == 1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> get(id).statusCode(200)
                    .body("disabled", equalTo(true)));

            UUID second = UUID.randomUUID();
            memberJoined(second);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() ->
                    receiver.receivedAbout(first.toString()).size() == 1
                            && receiver.receivedAbout(second.toString()).isEmpty());
            attempts(id, "").body("items.size()", equalTo(1)).body("items[0].statusCode", equalTo(410));

            var published = KafkaProbe.readUntil(Topics.WEBHOOKS, Duration.ofSeconds(20),
                    records -> records.stream().anyMatch(r -> id.equals(r.key())));
            var disabled = published.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            assertEquals(EventTypes.WEBHOOK_ENDPOINT_DISABLED,
                    new String(disabled.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
            String payload = new String(disabled.value(), StandardCharsets.UTF_8);
            assertTrue(payload.contains("\"reason\":\"gone\"") && payload.contains(id), payload);
            assertEquals(List.of(), EventCatalogue.load().violations(disabled), "as the events catalogue describes it");
        }
    }

    @Test
    void anEndpointThatHasOnlyFailedForFiveDaysIsDisabledByItsNextFailureAndThatIsPublished() throws Exception {
        try (Receiver receiver = new Receiver().answers(500, "still down")) {
            String id = register(receiver.url("/failing")).extract().path("id");
            // Five days of failures, as the ledger would have recorded them (the suite's clock, not the machine's).
            QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.update("failingSince = ?1 where id = ?2",
                    TestClock.now().minus(Duration.ofDays(5)).minusMinutes(1), UUID.fromString(id)));
            UUID member = UUID.randomUUID();
            memberJoined(member);

            await().atMost(DELIVERED_WITHIN).untilAsserted(() -> get(id).statusCode(200)
                    .body("disabled", equalTo(true)));
            assertEquals(1, receiver.receivedAbout(member.toString()).size(), "no retry once disabled");
            var published = KafkaProbe.readUntil(Topics.WEBHOOKS, Duration.ofSeconds(20),
                    records -> records.stream().anyMatch(r -> id.equals(r.key())));
            String payload = published.stream().filter(r -> id.equals(r.key())).findFirst()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).orElseThrow();
            assertTrue(payload.contains("\"reason\":\"failing\""), payload);

            patch(id, "{\"disabled\":false}").statusCode(200);
            assertEquals(null, QuarkusTransaction.requiringNew().call(() ->
                    WebhookEndpoint.<WebhookEndpoint>findById(UUID.fromString(id)).failingSince),
                    "enabled again, the endpoint's run of failures starts afresh");
        }
    }

    @Test
    void aSuccessEndsTheRunOfFailuresSoFiveDaysCountFromTheNextFailure() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = register(receiver.url("/recovered")).extract().path("id");
            QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.update("failingSince = ?1 where id = ?2",
                    TestClock.now().minus(Duration.ofDays(4)), UUID.fromString(id)));
            UUID member = UUID.randomUUID();
            memberJoined(member);
            await().atMost(DELIVERED_WITHIN).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    WebhookEndpoint.<WebhookEndpoint>findById(UUID.fromString(id)).failingSince == null));
            get(id).body("disabled", equalTo(false));
        }
    }

    @Test
    void retryAfterIsHonouredTheNextAttemptComesNoSoonerThanAsked() throws Exception {
        // The test schedule retries after 0.2 s; the receiver asks for 2 s.
        try (Receiver receiver = new Receiver().answersInTurn(503).asksToRetryAfter("2")) {
            register(receiver.url("/busy"));
            UUID member = UUID.randomUUID();
            memberJoined(member);
            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size() == 2);
            List<Receiver.Received> two = receiver.receivedAbout(member.toString());
            Duration between = Duration.ofNanos(two.get(1).arrivedNanos() - two.get(0).arrivedNanos());
            assertTrue(between.compareTo(Duration.ofMillis(1950)) >= 0, () -> "retried after " + between);
            assertTrue(between.compareTo(Duration.ofSeconds(8)) < 0, () -> "but not much later: " + between);
        }
    }

    @Test
    void deliveriesOfOneMemberKeepTheirOrderTheSecondWaitsUntilTheFirstSucceeded() throws Exception {
        try (Receiver receiver = new Receiver().answersInTurn(500)) {
            register(org.grassroots.testing.TestTokens.admin(), receiver.url("/ordered"),
                    EventTypes.MEMBER_JOINED, EventTypes.MEMBER_STATUS_CHANGED);
            UUID member = UUID.randomUUID();
            memberJoined(member);
            memberEvent(member, EventTypes.MEMBER_STATUS_CHANGED, """
                    {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed","changedAt":"%s"}"""
                    .formatted(member, TestClock.now()));

            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size() == 3);
            List<String> types = receiver.receivedAbout(member.toString()).stream()
                    .map(r -> r.body().contains(EventTypes.MEMBER_JOINED) ? "joined" : "status-changed").toList();
            assertEquals(List.of("joined", "joined", "status-changed"), types,
                    "the status change waited for the joined event's retry to succeed");
        }
    }

    @Test
    void aSlowReceiverDoesNotDelayAFastOnesDeliveriesAndHasAtMostFourInFlight() throws Exception {
        try (Receiver slow = new Receiver().answersAfter(Duration.ofSeconds(8)); Receiver fast = new Receiver()) {
            register(slow.url("/slow"));
            register(fast.url("/fast"));
            List<UUID> members = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
            members.forEach(org.grassroots.webhooks.support.WebhooksApi::memberJoined);
            long published = System.nanoTime();

            await().atMost(DELIVERED_WITHIN).until(() -> members.stream()
                    .allMatch(m -> fast.receivedAbout(m.toString()).size() == 1));
            Duration fastTook = Duration.ofNanos(System.nanoTime() - published);
            long slowStarted = members.stream().filter(m -> !slow.receivedAbout(m.toString()).isEmpty()).count();
            assertTrue(fastTook.compareTo(Duration.ofSeconds(5)) < 0,
                    () -> "the fast receiver had all six within " + fastTook + ", not after the slow one's 8 s");
            assertTrue(slowStarted <= 4, () -> slowStarted + " in flight to the slow receiver at once");
        }
    }
}
