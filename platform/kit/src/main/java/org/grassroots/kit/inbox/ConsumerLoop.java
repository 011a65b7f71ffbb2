package org.grassroots.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.grassroots.kit.events.IncomingEvent;
import org.grassroots.kit.events.KafkaClients;
import org.grassroots.kit.events.PoisonEventException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One consumer thread for one handler. A polled batch is applied in one transaction (inbox rows and effects
 * together): a burst of events, such as an import's, then costs one commit instead of one per event. If that
 * transaction fails, the batch is applied record by record: up to {@code maxAttempts} transactions each, then
 * the dead-letter topic, so one bad record costs only itself. Offsets are committed after each polled batch,
 * i.e. only after the database commits of its records; a crash in between replays records the inbox skips.
 */
final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(2);

    private final EventHandler handler;
    private final String groupId;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final int burstThreshold;
    private final Duration burstPause;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ConsumerLoop(EventHandler handler, String groupId, KafkaClients kafka, Inbox inbox, ObjectMapper mapper,
                 DeadLetters deadLetters, int maxAttempts, Duration retryBackoff, int burstThreshold,
                 Duration burstPause) {
        this.handler = handler;
        this.groupId = groupId;
        this.kafka = kafka;
        this.inbox = inbox;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.burstThreshold = burstThreshold;
        this.burstPause = burstPause;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("consumer-" + handler.name()).daemon().start(this::run);
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = kafka.consumer(groupId, groupId)) {
                consumer = c;
                kafka.ensureTopics(handler.topics());
                c.subscribe(handler.topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        LOG.infof("Consumer %s assigned %s", groupId, partitions);
                    }
                });
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    boolean appliedTogether = applyTogether(records);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (!appliedTogether) {
                            process(record);
                        }
                        done.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    c.commitSync(done);
                    if (records.count() >= burstThreshold && records.count() < KafkaClients.MAX_POLL_RECORDS) {
                        // A burst: let the next batch gather (see EventConsumers#burstPause). A full poll means
                        // records are waiting already: no pause then, so a burst never leaves the consumer behind.
                        sleep(burstPause);
                    }
                }
            } catch (WakeupException e) {
                // stop() was called
            } catch (Exception e) {
                if (running) {
                    // Uncommitted records are polled again after reconnecting; the inbox skips applied ones.
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    LOG.warnf("Consumer %s lost its way (%s: %s); reconnecting in %d ms", groupId,
                            cause.getClass().getSimpleName(), cause.getMessage(), RECONNECT_BACKOFF.toMillis());
                    sleep(RECONNECT_BACKOFF);
                }
            } finally {
                consumer = null;
            }
        }
    }

    /** @return whether the whole batch was applied in one transaction; if not, nothing of it was. */
    private boolean applyTogether(ConsumerRecords<String, byte[]> records) {
        if (records.count() < 2) {
            return false;
        }
        List<IncomingEvent> events = new ArrayList<>(records.count());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                events.add(IncomingEvent.from(record, mapper));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                // One inbox statement for the batch; a copy of an event within the batch is applied once.
                Set<UUID> fresh = inbox.markProcessed(handler.name(), events.stream().map(IncomingEvent::id).toList());
                List<IncomingEvent> toApply = new ArrayList<>(fresh.size());
                for (IncomingEvent event : events) {
                    if (fresh.remove(event.id())) {
                        toApply.add(event);
                    }
                }
                handler.handleAll(toApply);
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s: a batch of %d records is applied one by one (%s)", groupId, records.count(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record, mapper);
        } catch (PoisonEventException e) {
            deadLetters.send(record, e, 0);
            return;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.markProcessed(handler.name(), event.id())) {
                        handler.handle(event);
                    }
                });
                return;
            } catch (PoisonEventException e) {
                deadLetters.send(record, e, attempt);
                return;
            } catch (RuntimeException e) {
                failure = e;
                LOG.debugf("Consumer %s: attempt %d of %d failed for event %s: %s", groupId, attempt, maxAttempts,
                        event.id(), e.getMessage());
                if (attempt < maxAttempts) {
                    sleep(retryBackoff.multipliedBy(attempt));
                }
            }
        }
        deadLetters.send(record, failure, maxAttempts);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
