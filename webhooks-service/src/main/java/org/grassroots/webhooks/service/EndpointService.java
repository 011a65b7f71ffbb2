package org.grassroots.webhooks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Caller;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.delivery.Attempt;
import org.grassroots.webhooks.delivery.DeliveryMetrics;
import org.grassroots.webhooks.delivery.Message;
import org.grassroots.webhooks.delivery.Signatures;
import org.grassroots.webhooks.delivery.WebhookSender;
import org.grassroots.webhooks.domain.KnownEventTypes;
import org.grassroots.webhooks.domain.TargetUrls;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.webhooks.domain.WebhookMessage;
import org.grassroots.webhooks.domain.WebhookSecret;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering, changing and removing webhook endpoints, their secrets, and the test ping. */
@ApplicationScoped
public class EndpointService {

    /** How long a rotated-out secret keeps signing alongside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    public static final String PING = "ping";

    @Inject
    Clock clock;

    @Inject
    SecretSeal seal;

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    Targets targets;

    @Inject
    DeliveryLedger ledger;

    @Inject
    DeliveryMetrics metrics;

    /** An endpoint and its secret in clear, which its owner sees this once. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /** A new secret in clear, and until when the previous one keeps signing. */
    public record Rotated(WebhookEndpoint endpoint, String secret, OffsetDateTime previousSecretExpiresAt) {
    }

    /**
     * @param ownerScopes null for an admin person (the endpoint may receive every type); an API key's scopes, which
     *                    bound the types it receives (see {@link org.grassroots.webhooks.domain.EventScopes})
     */
    @Transactional
    public Registered create(Caller caller, Set<String> ownerScopes, String url, List<String> eventTypes,
                             String description) {
        TargetUrls rule = targets.rule();
        String checkedUrl = rule.check(url).toString();
        String[] types = KnownEventTypes.check(eventTypes);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = TimeOrderedIds.next();
        endpoint.owner = caller.subject();
        endpoint.ownerScopes = ownerScopes == null ? null : ownerScopes.stream().sorted().toArray(String[]::new);
        endpoint.url = checkedUrl;
        endpoint.eventTypes = types;
        endpoint.description = description;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.persist();
        String secret = newSecret(endpoint.id, now);
        return new Registered(endpoint, secret);
    }

    public WebhookEndpoint find(Caller caller, UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).filter(e -> e.isVisibleTo(caller))
                .orElseThrow(() -> ProblemException.notFound("Webhook endpoint " + id));
    }

    /** The caller's endpoints (all of them for an admin), oldest first (ids are time-ordered). */
    public Page<WebhookEndpoint> list(Caller caller, PageRequest request) {
        String owner = WebhookEndpoint.ownerConfinement(caller);
        UUID after = request.after() == null ? null : request.after().uuid(0);
        String where = (owner == null ? "1 = 1" : "owner = :owner") + (after == null ? "" : " and id > :after");
        var params = new java.util.HashMap<String, Object>();
        if (owner != null) {
            params.put("owner", owner);
        }
        if (after != null) {
            params.put("after", after);
        }
        List<WebhookEndpoint> rows = WebhookEndpoint.<WebhookEndpoint>find(where + " order by id", params)
                .page(0, request.fetchSize()).list();
        return request.page(rows, e -> Cursor.of(e.id));
    }

    /**
     * Changes what is given (null: unchanged; {@code removeDescription} clears it).
     *
     * @param expectedVersion the If-Match version, or null to skip the check
     */
    @Transactional
    public WebhookEndpoint change(Caller caller, UUID id, String url, List<String> eventTypes, String description,
                                  boolean removeDescription, Boolean disabled, Long expectedVersion) {
        WebhookEndpoint endpoint = find(caller, id);
        if (expectedVersion != null && expectedVersion != endpoint.version) {
            throw ProblemException.preconditionFailed(
                    "The webhook endpoint was changed meanwhile (If-Match does not match its ETag); read it again");
        }
        if (url != null) {
            endpoint.url = targets.rule().check(url).toString();
        }
        if (eventTypes != null) {
            endpoint.eventTypes = KnownEventTypes.check(eventTypes);
        }
        if (description != null || removeDescription) {
            endpoint.description = description;
        }
        if (disabled != null) {
            if (endpoint.disabled && !disabled) {
                // Enabled again (the receiver fixed): its five days of failures start afresh.
                endpoint.failingSince = null;
            }
            endpoint.disabled = disabled;
        }
        endpoint.updatedAt = SuiteClock.timestamp(clock);
        WebhookEndpoint.getEntityManager().flush();
        return endpoint;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        find(caller, id).delete();
    }

    /** A new current secret; the previous current one signs alongside it for {@link #ROTATION_OVERLAP}. */
    @Transactional
    public Rotated rotate(Caller caller, UUID id) {
        WebhookEndpoint endpoint = find(caller, id);
        WebhookEndpoint.getEntityManager().lock(endpoint, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        OffsetDateTime until = now.plus(ROTATION_OVERLAP);
        List<WebhookSecret> current = WebhookSecret.list("endpointId = ?1 and expiresAt is null", endpoint.id);
        current.forEach(s -> s.expiresAt = until);
        // Secrets whose overlap is over are of no use to anyone: they go.
        WebhookSecret.delete("endpointId = ?1 and expiresAt <= ?2", endpoint.id, now);
        return new Rotated(endpoint, newSecret(endpoint.id, now), until);
    }

    /**
     * Sends a {@code ping} to the endpoint now, signed with every live secret, and answers how it went. The ping is
     * stored as a message with its attempt (in the attempts log, and resendable), but never retried.
     */
    public Attempt ping(Caller caller, UUID id) {
        Targets.Target target = target(caller, id);
        OffsetDateTime now = SuiteClock.timestamp(clock);
        ObjectNode body = mapper.createObjectNode();
        body.put("type", PING);
        body.put("timestamp", now.toString());
        body.putObject("data").put("endpointId", id.toString());
        WebhookMessage message = new WebhookMessage();
        message.id = TimeOrderedIds.next();
        message.endpointId = id;
        message.eventType = PING;
        message.body = body.toString();
        message.createdAt = now;
        // Checked again at sending time, the host resolved once and the checked address used: a host that resolved
        // to a public address when registered may not now (refused, the ping is a failed attempt saying why).
        Attempt attempt = sender.send(target.url(), targets.rule(), new Message(message.webhookId(), PING,
                message.body), target.secrets());
        recordPing(message, attempt);
        metrics.attempted(PING, attempt);
        return attempt;
    }

    @Transactional
    void recordPing(WebhookMessage message, Attempt attempt) {
        if (WebhookEndpoint.findById(message.endpointId) == null) {
            return; // deleted while the ping was on its way
        }
        message.state = attempt.succeeded() ? WebhookMessage.SUCCEEDED : WebhookMessage.FAILED;
        message.retrying = false;
        message.persist();
        ledger.record(message, attempt);
    }

    /** The URL and live secrets read in a short transaction: none is held open while the receiver answers. */
    @Transactional
    Targets.Target target(Caller caller, UUID id) {
        return targets.of(find(caller, id));
    }

    private String newSecret(UUID endpointId, OffsetDateTime now) {
        byte[] raw = Signatures.newSecret();
        WebhookSecret secret = new WebhookSecret();
        secret.id = TimeOrderedIds.next();
        secret.endpointId = endpointId;
        secret.sealed = seal.seal(endpointId, raw);
        secret.createdAt = now;
        secret.persist();
        return Signatures.display(raw);
    }
}
