package org.grassroots.webhooks.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.grassroots.testing.GrassrootsTestResource;
import org.junit.jupiter.api.Test;

import org.grassroots.webhooks.support.Metrics;
import org.grassroots.testing.webhooks.Receiver;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.grassroots.webhooks.support.WebhooksApi.MEMBER_JOINED;
import static org.grassroots.webhooks.support.WebhooksApi.attempts;
import static org.grassroots.webhooks.support.WebhooksApi.create;
import static org.grassroots.webhooks.support.WebhooksApi.memberJoined;
import static org.grassroots.webhooks.support.WebhooksApi.ping;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code webhooks.allow-private-targets=false} (production's default), as the service answers over HTTP: refused
 * at registration, and at sending time when the name resolves to a private address by then.
 */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.PrivateTargetsOff.class)
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class PrivateTargetsRefusedTest {

    public static class PrivateTargetsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("webhooks.allow-private-targets", "false");
        }
    }

    @Test
    void aTargetOnALoopbackOrPrivateAddressIsA422AndNothingIsStored() throws Exception {
        long before = count();
        for (String url : new String[] {"http://127.0.0.1:8099/hooks", "http://localhost/hooks",
                "http://10.0.0.7/hooks", "http://169.254.169.254/latest/meta-data"}) {
            create("{\"url\":\"%s\",\"eventTypes\":[\"*\"]}".formatted(url)).statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        assertEquals(before, count(), "no refused endpoint was stored");
    }

    @Test
    void aNameThatResolvesToLoopbackAtSendingTimeIsRefusedThenAsAFailedAttemptSayingWhyAndNothingIsSent()
            throws Exception {
        try (Receiver receiver = new Receiver()) {
            // Registered while its host was public (an address literal passes the check), then the name the
            // endpoint uses resolves to loopback: what DNS rebinding does between a check and a connection.
            String id = create("""
                    {"url":"http://93.184.215.14/hooks","eventTypes":["%s"]}""".formatted(MEMBER_JOINED))
                    .statusCode(201).extract().path("id");
            String rebound = receiver.url("/hooks").replace("127.0.0.1", "localhost");
            try (var c = database.getConnection();
                 var s = c.prepareStatement("update webhook_endpoint set url = ? where id = ?")) {
                s.setString(1, rebound);
                s.setObject(2, UUID.fromString(id));
                s.executeUpdate();
            }
            Metrics before = Metrics.scrape();
            UUID member = UUID.randomUUID();
            memberJoined(member);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> attempts(id, "").statusCode(200)
                    .body("items.size()", greaterThanOrEqualTo(1))
                    .body("items[0].outcome", equalTo("failed"))
                    .body("items[0].statusCode", nullValue())
                    .body("items[0].error", startsWith("the target is refused: url: the host localhost resolves to a "
                            + "loopback, private or link-local address")));
            ping(id).statusCode(200).body("outcome", equalTo("failed")).body("statusCode", nullValue())
                    .body("error", startsWith("the target is refused"));
            assertTrue(receiver.received().isEmpty(), "nothing reached the loopback receiver");
            assertTrue(Metrics.scrape().value("grassroots_webhooks_failures_total", "reason", "refused")
                    - before.value("grassroots_webhooks_failures_total", "reason", "refused") >= 2);
        }
    }

    @Inject
    DataSource database;

    private long count() throws Exception {
        try (var c = database.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from webhook_endpoint")) {
            r.next();
            return r.getLong(1);
        }
    }
}
