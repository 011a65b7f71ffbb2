package org.grassroots.webhooks.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestClock;
import org.grassroots.webhooks.support.Metrics;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.grassroots.webhooks.support.WebhooksApi.MEMBER_JOINED;
import static org.grassroots.webhooks.support.WebhooksApi.attempts;
import static org.grassroots.webhooks.support.WebhooksApi.memberJoined;
import static org.grassroots.webhooks.support.WebhooksApi.patch;
import static org.grassroots.webhooks.support.WebhooksApi.ping;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery meters as Prometheus scrapes them from {@code /q/metrics}, after real deliveries from Kafka to a real
 * receiver (a 500, then the retry's 200).
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class DeliveryMetricsTest {

    @Inject
    DataSource database;

    @Test
    void aFailureThenADeliveryMoveTheCountersAndTheLagWhichIncludesTheRetryAndNoEndpointIsNamed() throws Exception {
        try (Receiver receiver = new Receiver().answersInTurn(500)) {
            Metrics before = Metrics.scrape();
            String id = register(receiver.url("/metered")).extract().path("id");
            UUID member = UUID.randomUUID();
            memberJoined(member);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> attempts(id, "").statusCode(200)
                    .body("items.outcome", equalTo(List.of("failed", "succeeded"))));
            ping(id).statusCode(200).body("outcome", equalTo("succeeded"));

            Metrics after = Metrics.scrape();
            String deliveries = "grassroots_webhooks_deliveries_total";
            assertMoved(before, after, 1, deliveries, "outcome", "succeeded", "type", MEMBER_JOINED);
            assertMoved(before, after, 1, deliveries, "outcome", "failed", "type", MEMBER_JOINED);
            assertMoved(before, after, 1, deliveries, "outcome", "succeeded", "type", "ping");
            assertMoved(before, after, 1, "grassroots_webhooks_failures_total", "reason", "status");
            assertMoved(before, after, 1, "grassroots_webhooks_lag_seconds_count");
            // The delivery came after the failed attempt and a retry 0.2 s (±10 %) later: the lag includes that.
            assertMoved(before, after, 0.15, "grassroots_webhooks_lag_seconds_sum");

            String page = after.text();
            assertTrue(page.contains("grassroots_webhooks_lag_seconds{quantile=\"0.5\"")
                    && page.contains("grassroots_webhooks_lag_seconds{quantile=\"0.99\""), "p50 and p99 are on the page");
            assertTrue(page.contains("grassroots_webhooks_lag_seconds_bucket{le="), "and the histogram's buckets");
            assertFalse(page.contains(id), "no endpoint id in any tag");
            String authority = receiver.url("").replace("http://", "");
            assertFalse(page.contains(receiver.url("/metered")) || page.contains("/metered")
                    || page.contains(authority), "no URL, nor the receiver's address, in any tag");
        }
    }

    @Test
    void pendingMessagesAreCountedInTotalAndLeaveTheCountOnceDelivered() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // A disabled endpoint's messages wait: three of them, as the consumer would have stored them.
            String id = register(receiver.url("/waiting")).extract().path("id");
            patch(id, "{\"disabled\":true}").statusCode(200);
            List<UUID> waiting = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (UUID message : waiting) {
                sql("""
                        insert into webhook_message (id, endpoint_id, event_type, body, created_at, state, next_attempt_at)
                        values (?, ?, 'org.grassroots.member.joined.v1', '{}', ?, 'pending', ?)""",
                        message, UUID.fromString(id), Timestamp.from(TestClock.now().toInstant()),
                        Timestamp.from(TestClock.now().toInstant()));
            }
            String gauge = "grassroots_webhooks_pending";
            await().atMost(Duration.ofSeconds(15)).until(() -> Metrics.scrape().value(gauge) >= 3);
            double counted = Metrics.scrape().value(gauge);

            patch(id, "{\"disabled\":false}").statusCode(200); // enabled again: they are sent
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            await().atMost(Duration.ofSeconds(15)).until(() -> Metrics.scrape().value(gauge) <= counted - 3);
            assertFalse(Metrics.scrape().text().contains(id), "the gauge is a total, not per endpoint");
        }
    }

    private static void assertMoved(Metrics before, Metrics after, double atLeast, String name, String... labels) {
        double moved = after.value(name, labels) - before.value(name, labels);
        assertTrue(moved >= atLeast, () -> name + " " + List.of(labels) + " moved by " + moved + ", not " + atLeast);
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (var c = database.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
