package org.grassroots.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message to one endpoint: the body as signed and sent, and where its delivery stands. Its id is the
 * {@code webhook-id} ({@value #ID_PREFIX} + id), the same on every attempt, so a receiver de-duplicates by it.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage extends PanacheEntityBase {

    public static final String ID_PREFIX = "msg_";
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public UUID endpointId;

    /** The CloudEvent it came from; null for a test ping. */
    public UUID eventId;

    public String eventType;

    /** The Kafka key (the aggregate's id): messages of one resource to one endpoint keep their order. */
    public String resourceKey;

    public String body;

    /** The CloudEvent's time (its commit at the producer); null for a test ping. */
    public OffsetDateTime eventTime;

    public OffsetDateTime createdAt;

    public String state;

    /** Whether a failure is retried on the schedule; false for a one-off resend. */
    public boolean retrying;

    public OffsetDateTime nextAttemptAt;

    public OffsetDateTime leaseUntil;

    public int scheduledAttempts;

    public OffsetDateTime lastAttemptAt;

    public String lastOutcome;

    public String webhookId() {
        return ID_PREFIX + id;
    }

    /** The id in a {@code webhook-id} ({@code msg_...}), or null if it is not one of ours. */
    public static UUID idOf(String webhookId) {
        if (webhookId == null || !webhookId.startsWith(ID_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(webhookId.substring(ID_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
