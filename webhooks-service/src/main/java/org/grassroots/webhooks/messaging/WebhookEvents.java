package org.grassroots.webhooks.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.kit.outbox.Outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What webhooks-service publishes (through the kit's outbox, so an event exists if and only if its change
 * committed), documented in the kit's events catalogue.
 */
@ApplicationScoped
public class WebhookEvents {

    public static final String REASON_GONE = "gone";
    public static final String REASON_FAILING = "failing";

    /**
     * The payload: ids and why, nothing of the owner (an admin owner's subject is a person).
     *
     * @param reason        {@value #REASON_GONE} (the receiver answered 410) or {@value #REASON_FAILING} (only failures
     *                      since {@code failingSince}, for the configured period)
     */
    public record EndpointDisabledV1(UUID endpointId, String reason, OffsetDateTime failingSince,
                                     OffsetDateTime disabledAt) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void endpointDisabled(EndpointDisabledV1 event) {
        outbox.record(Topics.WEBHOOKS, event.endpointId().toString(), EventTypes.WEBHOOK_ENDPOINT_DISABLED, event);
    }
}
