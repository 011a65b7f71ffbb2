package org.grassroots.kit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.PoisonEventException;
import org.grassroots.kit.inbox.EventHandler;

import java.util.Set;

/** Test consumer: records each application in {@code ledger}; payload flags make it fail on purpose. */
@ApplicationScoped
public class LedgerHandler implements EventHandler {

    static final String TOPIC = "kit-test.ledger";
    static final String TYPE = "org.grassroots.test.ledger.v1";

    @Inject
    EntityManager entityManager;

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (event.data().path("poison").asBoolean()) {
            throw new PoisonEventException("declared poison");
        }
        if (event.data().path("alwaysFails").asBoolean()) {
            throw new IllegalStateException("this event always fails");
        }
        entityManager.createNativeQuery("insert into ledger (event_id, message_key, seq) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, event.key())
                .setParameter(3, event.data().path("seq").asInt())
                .executeUpdate();
    }
}
