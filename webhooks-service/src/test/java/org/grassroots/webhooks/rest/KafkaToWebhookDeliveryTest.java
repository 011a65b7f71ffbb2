package org.grassroots.webhooks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.TestTokens;
import org.grassroots.webhooks.support.DocumentedWebhooks;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.grassroots.webhooks.support.WebhooksApi.MEMBER_JOINED;
import static org.grassroots.webhooks.support.WebhooksApi.memberJoined;
import static org.grassroots.webhooks.support.WebhooksApi.patch;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From the real Kafka topic to the receiver: what members-service publishes becomes one signed delivery per
 * endpoint that wants it, verified with the official Standard Webhooks library.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class KafkaToWebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(20);

    @Test
    void aMemberJoiningIsOneVerifiedDeliveryWithIdsAndLinksOnlyAndNoneToEndpointsThatMayNotOrDoNotWantIt()
            throws Exception {
        try (Receiver subscribed = new Receiver(); Receiver keyWithMembersRead = new Receiver();
             Receiver otherType = new Receiver(); Receiver disabled = new Receiver();
             Receiver keyWithoutMembersRead = new Receiver()) {
            String secret = register(subscribed.url("/a")).extract().path("secret");
            String keySecret = register(TestTokens.apiKey("members:read", "webhooks:write"),
                    keyWithMembersRead.url("/b"), MEMBER_JOINED).extract().path("secret");
            register(TestTokens.admin(), otherType.url("/c"), EventTypes.EVENT_SCHEDULED);
            String off = register(disabled.url("/d")).extract().path("id");
            patch(off, "{\"disabled\":true}").statusCode(200);
            register(TestTokens.apiKey("events:read", "webhooks:write"), keyWithoutMembersRead.url("/e"),
                    MEMBER_JOINED);

            UUID member = UUID.randomUUID();
            memberJoined(member);

            await().atMost(DELIVERED_WITHIN).until(() -> subscribed.receivedAbout(member.toString()).size() == 1
                    && keyWithMembersRead.receivedAbout(member.toString()).size() == 1);
            Receiver.Received delivery = subscribed.receivedAbout(member.toString()).get(0);
            assertDoesNotThrow(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()));
            Receiver.Received keys = keyWithMembersRead.receivedAbout(member.toString()).get(0);
            assertDoesNotThrow(() -> new Webhook(keySecret).verify(keys.body(), keys.headers()));
            assertTrue(delivery.header("webhook-id").startsWith("msg_"));
            assertFalse(delivery.header("webhook-id").equals(keys.header("webhook-id")),
                    "a message per endpoint, each with its own id");

            JsonNode body = JSON.readTree(delivery.body());
            assertEquals(MEMBER_JOINED, body.get("type").asText());
            assertEquals(member.toString(), body.at("/data/memberId").asText());
            assertEquals("active", body.at("/data/status").asText());
            assertEquals("/members/" + member, body.at("/data/links/member").asText());
            assertEquals(List.of("branchId", "joinedAt", "links", "memberId", "membershipType", "status"),
                    sortedFieldNames(body.get("data")), "ids, classifications, times and links only");
            assertEquals(List.of(), DocumentedWebhooks.violations(MEMBER_JOINED, delivery.body()),
                    "the body is what the served document's webhooks: describes");

            // None to the others, and no second delivery to the subscribed ones, while the dispatcher runs on.
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() ->
                    otherType.received().isEmpty() && disabled.received().isEmpty()
                            && keyWithoutMembersRead.received().isEmpty()
                            && subscribed.receivedAbout(member.toString()).size() == 1);
        }
    }

    @Test
    void theSameCloudEventDeliveredTwiceByKafkaIsOneMessage() throws Exception {
        try (Receiver receiver = new Receiver()) {
            register(receiver.url("/once"));
            UUID member = UUID.randomUUID();
            var record = CloudEventRecords.cloudEvent(Topics.MEMBERS, member.toString(), UUID.randomUUID(),
                    MEMBER_JOINED, """
                            {"memberId":"%s","status":"pending","membershipType":"supporter","joinedAt":"2001-01-01T00:00:00Z"}"""
                            .formatted(member));
            KafkaProbe.send(record);
            KafkaProbe.send(record);
            await().atMost(DELIVERED_WITHIN).until(() -> receiver.receivedAbout(member.toString()).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.receivedAbout(member.toString()).size() == 1);
        }
    }

    private static List<String> sortedFieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
