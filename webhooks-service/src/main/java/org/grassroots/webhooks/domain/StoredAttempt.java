package org.grassroots.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One attempt at delivering a message, as the attempts log shows it. Ids are time-ordered: the log's order. */
@Entity
@Table(name = "webhook_attempt")
public class StoredAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID messageId;

    public UUID endpointId;

    public int attemptNumber;

    /** {@link WebhookMessage#SUCCEEDED} or {@link WebhookMessage#FAILED}. */
    public String outcome;

    public Integer statusCode;

    public long durationMillis;

    public String response;

    public String error;

    public OffsetDateTime attemptedAt;
}
