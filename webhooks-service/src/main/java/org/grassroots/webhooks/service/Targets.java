package org.grassroots.webhooks.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.domain.TargetUrls;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.webhooks.domain.WebhookSecret;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Where an endpoint's deliveries go and what signs them, read in a short transaction of its own. */
@ApplicationScoped
public class Targets {

    @Inject
    Clock clock;

    @Inject
    SecretSeal seal;

    @ConfigProperty(name = "webhooks.require-https")
    boolean requireHttps;

    @ConfigProperty(name = "webhooks.allow-private-targets")
    boolean allowPrivateTargets;

    /** The URL as registered and the live secrets in clear, newest first. */
    public record Target(String url, List<byte[]> secrets) {
    }

    /** @return the target, or null if the endpoint is gone */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Target load(UUID endpointId) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(endpointId);
        return endpoint == null ? null : of(endpoint);
    }

    /** The endpoint's target, in the caller's transaction. */
    Target of(WebhookEndpoint endpoint) {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        List<byte[]> secrets = WebhookSecret.<WebhookSecret>list("endpointId = ?1 order by createdAt desc, id desc",
                        endpoint.id).stream().filter(s -> s.isLiveAt(now))
                .map(s -> seal.open(endpoint.id, s.sealed)).toList();
        return new Target(endpoint.url, secrets);
    }

    /** The URL rule as configured (https in production, private targets only where allowed). */
    public TargetUrls rule() {
        return new TargetUrls(requireHttps, allowPrivateTargets);
    }
}
