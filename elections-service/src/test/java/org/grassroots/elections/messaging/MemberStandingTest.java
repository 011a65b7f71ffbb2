package org.grassroots.elections.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.elections.domain.MemberStanding;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "elections"))
class MemberStandingTest {

    @Test
    void aJoinedMemberIsInGoodStandingForCandidateSelection() {
        UUID memberId = UUID.randomUUID();
        KafkaProbe.send(joined(memberId, "active"));
        await().atMost(Duration.ofSeconds(10)).until(() -> standing(memberId) != null);
        assertTrue(standing(memberId).inGoodStanding());
    }

    @Test
    void anEventContradictingTheCatalogueIsDeadLetteredAndTheNextOneIsStillApplied() {
        UUID memberId = UUID.randomUUID();
        String key = memberId.toString();
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, key, UUID.randomUUID(), EventTypes.MEMBER_JOINED,
                "{\"memberId\":\"not-a-uuid\",\"status\":\"active\",\"joinedAt\":\"yesterday\"}"));
        KafkaProbe.send(joined(memberId, "pending"));

        await().atMost(Duration.ofSeconds(15)).until(() -> standing(memberId) != null);
        assertEquals("pending", standing(memberId).status);
        List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.readUntil(Topics.MEMBERS + ".dlt", Duration.ofSeconds(15),
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> ours = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertEquals("org.grassroots.kit.events.PoisonEventException",
                new String(ours.headers().lastHeader("dlt-error-class").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aBurstOfMemberEventsEndsAsTheEventsOneByOneWould() {
        List<UUID> members = new ArrayList<>();
        var burst = new ArrayList<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>>();
        for (int i = 0; i < 30; i++) {
            UUID memberId = UUID.randomUUID();
            members.add(memberId);
            burst.add(joined(memberId, i == 1 ? "pending" : "active"));
        }
        UUID lapsed = members.get(0);
        UUID confirmed = members.get(1);
        burst.add(CloudEventRecords.cloudEvent(Topics.MEMBERS, lapsed.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_STATUS_CHANGED, """
                        {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed"}"""
                        .formatted(lapsed)));
        // A second joined event for a member: the later one wins, as it would one by one.
        burst.add(joined(confirmed, "active"));
        KafkaProbe.sendAll(burst);

        await().atMost(Duration.ofSeconds(15)).until(() -> members.stream().allMatch(m -> standing(m) != null)
                && "lapsed".equals(standing(lapsed).status));
        assertFalse(standing(lapsed).inGoodStanding());
        assertTrue(standing(confirmed).inGoodStanding());
        assertTrue(members.subList(2, 30).stream().allMatch(m -> standing(m).inGoodStanding()));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> joined(UUID memberId, String status) {
        return CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_JOINED, """
                        {"memberId":"%s","status":"%s","joinedAt":"2022-03-01T09:30:00Z"}""".formatted(memberId, status));
    }

    private static MemberStanding standing(UUID memberId) {
        return QuarkusTransaction.requiringNew().call(() -> MemberStanding.<MemberStanding>findByIdOptional(memberId)
                .orElse(null));
    }
}
