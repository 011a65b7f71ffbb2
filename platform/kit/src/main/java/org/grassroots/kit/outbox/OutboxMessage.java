package org.grassroots.kit.outbox;

/**
 * One integration event to record in the outbox.
 *
 * @param topic       the Kafka topic
 * @param aggregateId the record key: events of one aggregate stay in order
 * @param type        the CloudEvents type, e.g. {@code org.grassroots.member.joined.v1}
 * @param payload     the event data, serialised as JSON; {@code null} is a tombstone
 */
public record OutboxMessage(String topic, String aggregateId, String type, Object payload) {
}
