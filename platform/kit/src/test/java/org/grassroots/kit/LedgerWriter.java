package org.grassroots.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.outbox.Outbox;

import java.util.Map;

/** Test producer: one transaction per write, as a service's use case would do. */
@ApplicationScoped
public class LedgerWriter {

    @Inject
    Outbox outbox;

    @Transactional
    public void write(String key, int seq) {
        outbox.record(LedgerHandler.TOPIC, key, LedgerHandler.TYPE, Map.of("seq", seq));
    }

    @Transactional
    public void write(String key, Map<String, Object> payload) {
        outbox.record(LedgerHandler.TOPIC, key, LedgerHandler.TYPE, payload);
    }
}
