package org.grassroots.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.events.KafkaClients;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts one {@link ConsumerLoop} per {@link EventHandler} bean and stops them on shutdown. */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    KafkaClients kafka;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "grassroots.service-name")
    String serviceName;

    @ConfigProperty(name = "grassroots.consumer.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "grassroots.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "grassroots.consumer.retry-backoff", defaultValue = "PT0.2S")
    Duration retryBackoff;

    /** A poll of at least this many records means a burst is on (see {@link #burstPause}). */
    @ConfigProperty(name = "grassroots.consumer.burst-threshold", defaultValue = "50")
    int burstThreshold;

    /**
     * How long a consumer waits after a burst's poll, so the next poll brings a batch of hundreds: a transaction
     * and an offset commit per batch then cost little per event. Events of a burst are that much later; a lone
     * event is applied at once.
     */
    @ConfigProperty(name = "grassroots.consumer.burst-pause", defaultValue = "PT0.1S")
    Duration burstPause;

    private final List<ConsumerLoop> loops = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Event consumers disabled (grassroots.consumer.enabled=false)");
            return;
        }
        DeadLetters deadLetters = new DeadLetters(kafka, serviceName);
        for (EventHandler handler : handlers) {
            ConsumerLoop loop = new ConsumerLoop(handler, serviceName + "." + handler.name(), kafka, inbox, mapper,
                    deadLetters, maxAttempts, retryBackoff, burstThreshold, burstPause);
            loops.add(loop);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
        loops.clear();
    }
}
