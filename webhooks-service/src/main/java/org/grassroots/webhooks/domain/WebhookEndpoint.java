package org.grassroots.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.kit.security.ApiKeyGrants;
import org.grassroots.kit.security.Caller;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A receiver of webhook deliveries: its URL, the event types it wants, and who registered it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The caller's subject: an API key owns the endpoints it registers. */
    public String owner;

    public String url;

    @Column(columnDefinition = "text[]")
    public String[] eventTypes;

    public String description;

    public boolean disabled;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** Admins (people) see every endpoint; an API key only the ones it registered. */
    public boolean isVisibleTo(Caller caller) {
        return ownerConfinement(caller) == null || ownerConfinement(caller).equals(owner);
    }

    /** The owner a caller is confined to: an API key's subject, or null for an admin person (no confinement). */
    public static String ownerConfinement(Caller caller) {
        return caller.roles().contains(ApiKeyGrants.INTEGRATION) ? caller.subject() : null;
    }
}
