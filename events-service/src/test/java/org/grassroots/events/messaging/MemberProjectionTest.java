package org.grassroots.events.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.grassroots.events.domain.MemberProjection;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.CloudEventRecords;
import org.grassroots.testing.GrassrootsTestResource;
import org.grassroots.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(value = GrassrootsTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class MemberProjectionTest {

    @Test
    void aMemberWhoJoinedIsInTheProjectionAndARedeliveryIsNotAppliedAgain() {
        UUID memberId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var joined = CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), eventId, EventTypes.MEMBER_JOINED,
                """
                {"memberId":"%s","status":"active","joinedAt":"2022-01-15T10:00:00Z"}""".formatted(memberId));
        KafkaProbe.send(joined);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(memberId) != null);
        assertEquals("active", status(memberId));

        // Mark the row so that a re-application would be visible, then redeliver the same event.
        QuarkusTransaction.requiringNew().run(() ->
                MemberProjection.update("status = 'marked' where memberId = ?1", memberId));
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), eventId,
                EventTypes.MEMBER_JOINED, new String(joined.value())));
        // A later event for the same key is applied after the redelivery (same partition): wait for it.
        UUID sentinel = UUID.randomUUID();
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), sentinel,
                "org.grassroots.member.unrelated.v1", "{\"memberId\":\"%s\"}".formatted(memberId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(sentinel));
        assertEquals("marked", status(memberId), "the redelivered joined event was skipped");
    }

    @Test
    void aStatusChangeReachesTheProjectionAndAnErasureRemovesTheMember() {
        UUID memberId = UUID.randomUUID();
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_JOINED, """
                        {"memberId":"%s","status":"active","membershipType":"member","joinedAt":"2022-01-15T10:00:00Z"}"""
                        .formatted(memberId)));
        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_STATUS_CHANGED, """
                        {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed",                        "changedAt":"2022-06-01T00:00:00Z"}""".formatted(memberId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "lapsed".equals(status(memberId)));

        KafkaProbe.send(CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(),
                EventTypes.MEMBER_ERASED, """
                        {"memberId":"%s","erasedAt":"2022-07-01T00:00:00Z"}""".formatted(memberId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(memberId) == null);
    }

    @Test
    void aBurstOfMemberEventsEndsAsTheEventsOneByOneWould() {
        List<UUID> members = new ArrayList<>();
        var burst = new ArrayList<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>>();
        for (int i = 0; i < 30; i++) {
            UUID memberId = UUID.randomUUID();
            members.add(memberId);
            burst.add(event(memberId, EventTypes.MEMBER_JOINED, """
                    {"memberId":"%s","status":"active","joinedAt":"2022-01-15T10:00:00Z"}""".formatted(memberId)));
        }
        UUID lapsed = members.get(0);
        UUID erased = members.get(1);
        UUID back = members.get(2);
        burst.add(event(lapsed, EventTypes.MEMBER_STATUS_CHANGED, """
                {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed"}""".formatted(lapsed)));
        UUID erasure = UUID.randomUUID();
        burst.add(CloudEventRecords.cloudEvent(Topics.MEMBERS, erased.toString(), erasure, EventTypes.MEMBER_ERASED, """
                {"memberId":"%s","erasedAt":"2022-07-01T00:00:00Z"}""".formatted(erased)));
        burst.add(event(back, EventTypes.MEMBER_STATUS_CHANGED, """
                {"memberId":"%s","fromStatus":"active","toStatus":"lapsed","kind":"lapsed"}""".formatted(back)));
        UUID rejoined = UUID.randomUUID();
        burst.add(CloudEventRecords.cloudEvent(Topics.MEMBERS, back.toString(), rejoined,
                EventTypes.MEMBER_STATUS_CHANGED, """
                        {"memberId":"%s","fromStatus":"lapsed","toStatus":"active","kind":"rejoined"}"""
                        .formatted(back)));
        // The same event twice in one burst is applied once.
        burst.add(burst.get(3));
        KafkaProbe.sendAll(burst);

        await().atMost(Duration.ofSeconds(15)).until(() -> members.subList(3, 30).stream()
                .allMatch(m -> "active".equals(status(m))) && "lapsed".equals(status(lapsed))
                && processed(erasure) && processed(rejoined));
        assertNull(status(erased));
        assertEquals("active", status(back));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> event(UUID memberId, String type,
                                                                                        String data) {
        return CloudEventRecords.cloudEvent(Topics.MEMBERS, memberId.toString(), UUID.randomUUID(), type, data);
    }

    private static String status(UUID memberId) {
        return QuarkusTransaction.requiringNew().call(() -> MemberProjection.<MemberProjection>findByIdOptional(memberId)
                .map(m -> m.status).orElse(null));
    }

    private static boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) MemberProjection.getEntityManager()
                .createNativeQuery("select count(*) from inbox where consumer = 'member-projection' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }
}
