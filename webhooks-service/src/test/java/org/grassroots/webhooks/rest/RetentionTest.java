package org.grassroots.webhooks.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.TestClock;
import org.grassroots.webhooks.service.Retention;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.grassroots.webhooks.support.WebhooksApi.attempts;
import static org.grassroots.webhooks.support.WebhooksApi.patch;
import static org.grassroots.webhooks.support.WebhooksApi.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention with the default period (30 days), on rows as the ledger writes them, aged by the suite's clock (so the
 * test holds with the clock moved): what is over goes with its attempts, what is recent or still to deliver stays.
 */
@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    DataSource database;

    @Test
    void finishedMessagesOlderThanThePeriodGoWithTheirAttemptsRecentAndPendingOnesStay() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = register(receiver.url("/kept")).extract().path("id");
            // Disabled, so the dispatcher leaves its pending messages alone while the test looks at them.
            patch(id, "{\"disabled\":true}").statusCode(200);
            UUID endpoint = UUID.fromString(id);
            OffsetDateTime now = TestClock.now();

            List<UUID> oldSucceeded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                oldSucceeded.add(message(endpoint, "succeeded", now.minusDays(40), now.minusDays(31), 2));
            }
            UUID oldFailed = message(endpoint, "failed", now.minusDays(45), now.minusDays(30).minusMinutes(1), 8);
            UUID recentSucceeded = message(endpoint, "succeeded", now.minusDays(29), now.minusDays(29), 1);
            UUID recentFailed = message(endpoint, "failed", now.minusDays(35), now.minusDays(2), 8);
            // Resent two days ago: its last attempt counts, not its age.
            UUID resentLately = message(endpoint, "succeeded", now.minusDays(60), now.minusDays(2), 3);
            UUID oldPending = message(endpoint, "pending", now.minusDays(60), now.minusDays(31), 5);
            UUID neverAttempted = message(endpoint, "pending", now.minusDays(90), null, 0);
            // Selected by a recovery that has not re-sent it yet (its endpoint disabled meanwhile): still needed.
            UUID awaitingRecovery = message(endpoint, "failed", now.minusDays(50), now.minusDays(40), 8);
            UUID runningJob = recovery(endpoint, now.minusDays(40), awaitingRecovery, false);
            // A completed recovery older than the period goes (and no longer holds its message).
            UUID oldJobsMessage = message(endpoint, "failed", now.minusDays(50), now.minusDays(39), 9);
            UUID completedJob = recovery(endpoint, now.minusDays(39), oldJobsMessage, true);
            UUID recentJobsMessage = message(endpoint, "failed", now.minusDays(50), now.minusDays(3), 9);
            UUID recentJob = recovery(endpoint, now.minusDays(3), recentJobsMessage, true);

            Retention.Purged purged = retention.purge(2);

            List<UUID> gone = new ArrayList<>(oldSucceeded);
            gone.addAll(List.of(oldFailed, oldJobsMessage));
            for (UUID message : gone) {
                assertEquals(0, count("select count(*) from webhook_message where id = ?", message), "deleted");
                assertEquals(0, count("select count(*) from webhook_attempt where message_id = ?", message),
                        "with its attempts");
            }
            for (UUID message : List.of(recentSucceeded, recentFailed, resentLately, oldPending, neverAttempted,
                    awaitingRecovery, recentJobsMessage)) {
                assertEquals(1, count("select count(*) from webhook_message where id = ?", message), "kept");
            }
            assertEquals(5, count("select count(*) from webhook_attempt where message_id = ?", oldPending),
                    "a pending message keeps its attempts");
            assertEquals(0, count("select count(*) from webhook_recovery where id = ?", completedJob));
            assertEquals(1, count("select count(*) from webhook_recovery where id = ?", runningJob));
            assertEquals(1, count("select count(*) from webhook_recovery where id = ?", recentJob));
            assertTrue(purged.messages() >= 7 && purged.attempts() >= 5 * 2 + 8 + 9, () -> "purged " + purged);
            assertTrue(purged.batches() >= 4, () -> "7 messages in batches of 2: " + purged);
            assertTrue(purged.recoveries() >= 1, () -> "purged " + purged);

            // What stays is still what the log shows: the recent attempts, nothing of the deleted ones.
            attempts(id, "?limit=100").statusCode(200).body("items.size()", equalTo(1 + 8 + 3 + 5 + 8 + 9));
            retention.purge();
            assertEquals(7, count("select count(*) from webhook_message where endpoint_id = ?", endpoint),
                    "a second run deletes nothing more of them");
        }
    }

    private UUID message(UUID endpoint, String state, OffsetDateTime created, OffsetDateTime lastAttempt,
                         int attempts) throws Exception {
        UUID id = UUID.randomUUID();
        sql("""
                insert into webhook_message (id, endpoint_id, event_type, body, created_at, state, next_attempt_at,
                                             last_attempt_at, last_outcome)
                values (?, ?, 'org.grassroots.member.joined.v1', '{}', ?, ?, ?, ?, ?)""",
                id, endpoint, created, state, "pending".equals(state) ? TestClock.now() : null, lastAttempt,
                lastAttempt == null ? null : "succeeded".equals(state) ? "succeeded" : "failed");
        for (int n = 1; n <= attempts; n++) {
            sql("""
                    insert into webhook_attempt (id, message_id, endpoint_id, attempt_number, outcome, duration_millis,
                                                 attempted_at)
                    values (?, ?, ?, ?, 'failed', 5, ?)""",
                    UUID.randomUUID(), id, endpoint, n, lastAttempt.minus(Duration.ofMinutes(attempts - n)));
        }
        return id;
    }

    private UUID recovery(UUID endpoint, OffsetDateTime created, UUID message, boolean resent) throws Exception {
        UUID id = UUID.randomUUID();
        sql("insert into webhook_recovery (id, endpoint_id, since, created_at) values (?, ?, ?, ?)", id, endpoint,
                created.minusDays(1), created);
        sql("insert into webhook_recovery_message (recovery_id, message_id, resent) values (?, ?, ?)", id, message,
                resent);
        return id;
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (var c = database.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private long count(String query, Object... parameters) throws Exception {
        try (var c = database.getConnection(); var s = c.prepareStatement(query)) {
            for (int i = 0; parameters != null && i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
