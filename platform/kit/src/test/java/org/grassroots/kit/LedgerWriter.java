package org.grassroots.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.kit.outbox.Outbox;
import org.grassroots.kit.outbox.OutboxMessage;

import java.util.ArrayList;
import java.util.List;
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

    /** Sequence numbers {@code from..to} for every key, all in one transaction and one call (a bulk writer). */
    @Transactional
    public void writeAll(List<String> keys, int from, int to) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int seq = from; seq <= to; seq++) {
            for (String key : keys) {
                messages.add(new OutboxMessage(LedgerHandler.TOPIC, key, LedgerHandler.TYPE, Map.of("seq", seq)));
            }
        }
        outbox.recordAll(messages);
    }
}
