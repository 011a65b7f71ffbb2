package org.grassroots.kit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.kit.outbox.OutboxRelay;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsInfrastructure;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class OutboxAndInboxTest {

    @Inject
    LedgerWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommittedEventIsPublishedAtOnceNotAtTheNextPoll() {
        // The test app polls every 30 s: only the after-commit wake-up can deliver this within 3 s.
        String key = "prompt-" + UUID.randomUUID();
        writer.write(key, 1);
        await().atMost(Duration.ofSeconds(3)).until(() -> appliedSeqs(key).size() == 1);
    }

    @Test
    void eventsOfEachAggregateAreAppliedInTheOrderTheyWereWritten() {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            keys.add("order-" + k + "-" + UUID.randomUUID());
        }
        for (int seq = 1; seq <= 30; seq++) {
            for (String key : keys) {
                writer.write(key, seq);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k -> appliedSeqs(k).size() == 30));
        for (String key : keys) {
            assertEquals(ascending(30), appliedSeqs(key), "order of " + key);
        }
    }

    @Test
    void eventsRecordedTogetherArePublishedInOrderEachOnceWithItsOwnIdEvenPastTheBatchSize() {
        // The test app's batch size is 50: one call records 4 x 30 = 120 events, between single writes.
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            keys.add("bulk-" + k + "-" + UUID.randomUUID());
        }
        for (String key : keys) {
            writer.write(key, 1);
        }
        writer.writeAll(keys, 2, 31);
        for (String key : keys) {
            writer.write(key, 32);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k -> appliedSeqs(k).size() >= 32));
        for (String key : keys) {
            assertEquals(ascending(32), appliedSeqs(key), "order of " + key);
        }
        assertEquals(128, distinctEventIds("bulk-%"));
        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.readUntil(LedgerHandler.TOPIC,
                Duration.ofSeconds(30), records -> records.stream().filter(r -> r.key().startsWith("bulk-")).count() >= 128);
        published.stream().filter(r -> r.key().startsWith("bulk-"))
                .forEach(r -> assertEquals(r.key(), header(r, "ce_subject"), "the subject is the aggregate id"));
    }

    @Test
    void withKafkaStoppedWritesSucceedAndWhenItReturnsEveryEventIsAppliedExactlyOnceInOrder() {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            keys.add("outage-" + k + "-" + UUID.randomUUID());
        }
        try (var outage = GrassrootsInfrastructure.get().stopKafka()) {
            for (int seq = 1; seq <= 5; seq++) {
                for (String key : keys) {
                    writer.write(key, seq); // 500 writes, none of which may fail or wait for Kafka
                }
            }
            assertTrue(relay.pending() >= 500, "the 500 events wait in the outbox while Kafka is down");
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> countLedger("outage-%") >= 500);
        assertEquals(500, countLedger("outage-%"), "each event applied exactly once");
        assertEquals(500, distinctEventIds("outage-%"));
        for (String key : keys) {
            assertEquals(ascending(5), appliedSeqs(key), "order of " + key);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
    }

    @Test
    void aConsumerFedEveryEventTwiceAppliesEachOnce() {
        String prefix = "twice-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            writer.write(prefix + "-" + (i % 8), i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> countLedger(prefix + "-%") == 40);

        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.readUntil(LedgerHandler.TOPIC,
                Duration.ofSeconds(30), records -> records.stream().filter(r -> r.key().startsWith(prefix)).count() == 40);
        published.stream().filter(r -> r.key().startsWith(prefix))
                .forEach(r -> KafkaProbe.send(CloudEventRecords.copyOf(r)));
        // A fresh event on every key after the duplicates: once it is applied, the duplicates were seen.
        for (int k = 0; k < 8; k++) {
            writer.write(prefix + "-" + k, 1000);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> countLedger(prefix + "-%") >= 48);
        assertEquals(48, countLedger(prefix + "-%"), "the 40 redelivered events were not applied again");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        KafkaProbe.send(CloudEventRecords.garbage(LedgerHandler.TOPIC, key));
        writer.write(key, Map.of("seq", 1, "alwaysFails", true));
        writer.write(key, Map.of("seq", 2, "poison", true));
        writer.write(key, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedSeqs(key).equals(List.of(3)));

        List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.readUntil(LedgerHandler.TOPIC + ".dlt",
                Duration.ofSeconds(30), records -> records.stream().filter(r -> key.equals(r.key())).count() >= 3);
        List<ConsumerRecord<String, byte[]>> ours = dead.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(3, ours.size(), "garbage, a failing and a poison event are dead-lettered");
        Map<String, String> attempts = new HashMap<>();
        Set<String> errors = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : ours) {
            assertEquals(LedgerHandler.TOPIC, header(record, "dlt-original-topic"));
            assertTrue(header(record, "dlt-original-offset").matches("\\d+"));
            errors.add(header(record, "dlt-error-class"));
            attempts.put(header(record, "dlt-error-message"), header(record, "dlt-attempts"));
        }
        assertTrue(errors.contains(IllegalStateException.class.getName()), "the failing event's error: " + errors);
        assertEquals("3", attempts.get("this event always fails"), "retried up to max-attempts before giving up");
        assertEquals("1", attempts.get("declared poison"), "a poison event is not retried");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<Integer> ascending(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(i);
        }
        return list;
    }

    private List<Integer> appliedSeqs(String key) {
        List<Integer> seqs = new ArrayList<>();
        query("select seq from ledger where message_key = ? order by id", key, rs -> seqs.add(rs.getInt(1)));
        return seqs;
    }

    private long countLedger(String keyPattern) {
        long[] count = new long[1];
        query("select count(*) from ledger where message_key like ?", keyPattern, rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    private long distinctEventIds(String keyPattern) {
        long[] count = new long[1];
        query("select count(distinct event_id) from ledger where message_key like ?", keyPattern,
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String parameter, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
