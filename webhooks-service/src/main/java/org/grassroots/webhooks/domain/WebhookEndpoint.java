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

    /** What the owner's scopes let it receive: null for an admin person (everything), else an API key's scopes. */
    @Column(columnDefinition = "text[]")
    public String[] ownerScopes;

    /** The first failure of the current unbroken run of failures; null after a success. */
    public OffsetDateTime failingSince;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** Whether a message of this type is for this endpoint: subscribed to it, and allowed by the owner's scopes. */
    public boolean wants(String type) {
        boolean subscribed = java.util.Arrays.asList(eventTypes).contains(type)
                || java.util.Arrays.asList(eventTypes).contains(KnownEventTypes.ALL);
        return subscribed && EventScopes.allows(ownerScopes, type);
    }

    /** Admins (people) see every endpoint; an API key only the ones it registered. */
    public boolean isVisibleTo(Caller caller) {
        return ownerConfinement(caller) == null || ownerConfinement(caller).equals(owner);
    }

    /** The owner a caller is confined to: an API key's subject, or null for an admin person (no confinement). */
    public static String ownerConfinement(Caller caller) {
        return caller.roles().contains(ApiKeyGrants.INTEGRATION) ? caller.subject() : null;
    }
}
