package org.grassroots.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A signing secret of an endpoint, sealed (never in clear at rest). The current one has no expiry. */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID endpointId;

    public byte[] sealed;

    public OffsetDateTime createdAt;

    /** Null while current; a rotated-out secret signs alongside the new one until then. */
    public OffsetDateTime expiresAt;

    public boolean isLiveAt(OffsetDateTime now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
