package org.grassroots.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recovery job: the messages of an endpoint whose last attempt failed since {@code since}, each re-sent once. Its
 * messages and whether each has been re-sent are in {@code webhook_recovery_message}: the progress is counted
 * there, as the dispatcher re-sends them.
 */
@Entity
@Table(name = "webhook_recovery")
public class Recovery extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID endpointId;

    public OffsetDateTime since;

    public OffsetDateTime createdAt;
}
