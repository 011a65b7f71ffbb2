package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.testing.webhooks.Receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A third-party tool's receiver for the whole run: a real HTTP server registered through the gateway as a webhook
 * endpoint for {@code member.joined}, whose every delivery is verified with the official Standard Webhooks library
 * ({@code com.standardwebhooks:standardwebhooks}), never with the suite's own signing code. The faults then ask
 * whether every member created during them reached it.
 */
final class WebhookDeliveries implements AutoCloseable {

    static final String PHASE = "webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Receiver receiver;
    private final Gateway gateway;
    private final String admin;
    private String endpointId;
    private Webhook verifier;

    private WebhookDeliveries(Receiver receiver, Gateway gateway, String admin) {
        this.receiver = receiver;
        this.gateway = gateway;
        this.admin = admin;
    }

    /** Starts the receiver and registers it (admin) for {@code member.joined}; the secret is the one answer's. */
    static WebhookDeliveries register(Gateway gateway, String admin, Report report) {
        WebhookDeliveries deliveries;
        try {
            deliveries = new WebhookDeliveries(new Receiver(), gateway, admin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gateway.Answer registered = gateway.post(PHASE, "/webhook-endpoints", admin, """
                {"url":"%s","eventTypes":["%s"],"description":"system tests' receiver"}"""
                .formatted(deliveries.receiver.url("/grassroots"), EventTypes.MEMBER_JOINED));
        report.check(PHASE, "a webhook endpoint is registered through the gateway (201 with its secret)",
                registered.status() == 201, "-> " + registered.status() + " " + registered.body());
        JsonNode body = registered.json();
        deliveries.endpointId = body.path("id").asText();
        deliveries.verifier = new Webhook(body.path("secret").asText());
        return deliveries;
    }

    /**
     * Waits until each of these members' {@code member.joined} has reached the receiver with a valid signature, and
     * names those that did not.
     */
    List<String> awaitDelivered(Collection<String> memberIds, Duration within) {
        Scenario.await(() -> missing(memberIds).isEmpty(), within);
        List<String> missing = missing(memberIds);
        return missing.isEmpty() ? List.of() : List.of(missing.size() + " of " + memberIds.size()
                + " members' member.joined never delivered, e.g. " + missing.subList(0, Math.min(5, missing.size())));
    }

    /** Deliveries whose signature the official library refuses: none may be. */
    List<String> unverified() {
        List<String> refused = new ArrayList<>();
        for (Receiver.Received delivery : receiver.received()) {
            try {
                verifier.verify(delivery.body(), delivery.headers());
            } catch (WebhookVerificationException e) {
                refused.add(delivery.header("webhook-id") + ": " + e.getMessage());
            }
        }
        return refused;
    }

    /** How many deliveries arrived, and how many message ids came more than once (at-least-once allows it). */
    String summary() {
        Map<String, Integer> byId = new HashMap<>();
        receiver.received().forEach(r -> byId.merge(r.header("webhook-id"), 1, Integer::sum));
        long repeated = byId.values().stream().filter(n -> n > 1).count();
        return receiver.received().size() + " deliveries of " + byId.size() + " messages (" + repeated
                + " delivered more than once)";
    }

    /**
     * Stops deliveries (the endpoint is deleted) so that the 40,000-row import and the replay after it do not also
     * load the receiver; what is under test there is the rest of the suite.
     */
    void unregister(Report report) {
        Gateway.Answer deleted = gateway.send(PHASE, "DELETE", "/webhook-endpoints/" + endpointId, admin, null, null,
                Map.of());
        report.check(PHASE, "the endpoint is deleted through the gateway", deleted.status() == 204,
                "-> " + deleted.status() + " " + deleted.body());
    }

    private List<String> missing(Collection<String> memberIds) {
        Set<String> delivered = new HashSet<>();
        for (Receiver.Received delivery : receiver.received()) {
            try {
                verifier.verify(delivery.body(), delivery.headers());
                JsonNode body = JSON.readTree(delivery.body());
                if (body.path("type").asText().equals(EventTypes.MEMBER_JOINED)) {
                    delivered.add(body.path("data").path("memberId").asText());
                }
            } catch (WebhookVerificationException | IOException refused) {
                // counted by unverified()
            }
        }
        return memberIds.stream().filter(id -> !delivered.contains(id)).sorted().toList();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
