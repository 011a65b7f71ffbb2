package org.grassroots.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.events.CloudEventHeaders;
import org.grassroots.kit.events.KafkaClients;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order (the messages of a row in their order) and deletes them once Kafka
 * has acknowledged them.
 *
 * <ul>
 *   <li>Prompt: {@link Outbox} wakes the relay after each commit; polling is only the safety net.</li>
 *   <li>One active relay per service: each batch runs under a transaction-scoped PostgreSQL advisory lock, so
 *   replicas never publish concurrently (and so never out of order).</li>
 *   <li>Kafka down: the batch fails, its transaction rolls back, the rows stay, and the relay retries with
 *   back-off. Writes are unaffected. A batch that half-succeeded is sent again: consumers de-duplicate by
 *   {@code ce_id}.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('grassroots.outbox-relay'))";
    private static final String SELECT = "select id, occurred_at, messages from outbox order by id limit ?";
    /** Rows fetched per round trip: a bulk writer's row holds thousands of events (a megabyte or so). */
    private static final int FETCH_ROWS = 16;
    private static final String DELETE = "delete from outbox where id = any(?)";
    private static final String CUSTOM_PLANS = "set local plan_cache_mode = force_custom_plan";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "grassroots.service-name")
    String source;

    @ConfigProperty(name = "grassroots.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "grassroots.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "grassroots.outbox.batch-size", defaultValue = "2000")
    int batchSize;

    @ConfigProperty(name = "grassroots.outbox.max-backoff", defaultValue = "PT5S")
    Duration maxBackoff;

    /** Topics this service publishes that must be compacted (latest state per key); created before publishing. */
    @ConfigProperty(name = "grassroots.kafka.compacted-topics")
    Optional<List<String>> compactedTopics;

    private static final byte[] SPEC_VERSION_1_0 = utf8(CloudEventHeaders.SPEC_VERSION_1_0);
    private static final byte[] JSON = utf8(CloudEventHeaders.JSON);

    private boolean topicsEnsured;
    private byte[] sourceHeader;
    private byte[] lastStoredTime;
    private byte[] lastTimeHeader;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Outbox relay disabled (grassroots.outbox.enabled=false)");
            return;
        }
        published = Counter.builder("grassroots.outbox.published").description("Events published from the outbox")
                .register(meters);
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Asks the relay to publish now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Events not yet published (for health and tests). */
    public long pending() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select coalesce(sum(message_count), 0) from outbox");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean retrying = false;
        while (running) {
            try {
                if (!retrying) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
                while (running && publishBatch() >= batchSize) {
                    // A full batch: more may be waiting.
                }
                retrying = false;
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Event contents are personal data: log only what failed, never the payload.
                LOG.warnf("Outbox relay could not publish (%s: %s); retrying in %d ms",
                        e.getClass().getSimpleName(), e.getMessage(), backoff.toMillis());
                closeProducer();
                retrying = true;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Publishes the oldest rows, stopping after the row that brings the batch to {@code batch-size} events;
     * returns how many events were published.
     */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int count = publishBatch(connection);
                connection.commit();
                return count;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection connection) throws Exception {
        if (!topicsEnsured) {
            // Auto-creation would make them ordinary topics: compaction has to be set at creation.
            compactedTopics.ifPresent(topics -> kafka.ensureTopics(topics, true));
            topicsEnsured = true;
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet rs = lock.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0; // another replica is publishing
            }
        }
        // The outbox swings between empty and many rows (a backlog while Kafka was down): a plan cached while it was
        // empty (a sequential scan and a sort; a scan comparing every row with every id to delete) would be kept
        // for the big table. Plan these statements afresh each time, for the table as it is now.
        try (Statement plan = connection.createStatement()) {
            plan.execute(CUSTOM_PLANS);
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, batchSize);
            select.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = select.executeQuery()) {
                while (sends.size() < batchSize && rs.next()) {
                    ids.add(rs.getLong(1));
                    sendRow(rs, sends);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer().flush();
        long timeoutMs = kafka.sendTimeoutMs();
        for (Future<RecordMetadata> send : sends) {
            send.get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        // Counted once Kafka has them: a re-send after a failed delete is published twice, and counted twice.
        published.increment(sends.size());
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        return sends.size();
    }

    private void sendRow(ResultSet rs, List<Future<RecordMetadata>> sends) throws Exception {
        byte[] time = timeHeader(rs);
        OutboxRow.Reader messages = new OutboxRow.Reader(rs.getBytes(3));
        while (messages.hasNext()) {
            Future<RecordMetadata> send = producer().send(toRecord(messages.next(), time));
            if (send.isDone()) {
                // Failed before leaving (no metadata for the topic within max.block.ms, e.g. while Kafka comes
                // back): stop here, or the events after it would be published before it, and its retry would
                // reach consumers after its successors.
                send.get();
            }
            sends.add(send);
        }
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxRow.Message message, byte[] time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(text(message.topic()), text(message.key()),
                message.payload());
        // Headers are added, not set (the record is new): the stored bytes as they are, the constant ones encoded
        // once, and the time once per distinct value (a bulk writer's events share it).
        var headers = record.headers();
        headers.add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION_1_0);
        headers.add(CloudEventHeaders.ID, message.eventId());
        headers.add(CloudEventHeaders.TYPE, message.type());
        if (sourceHeader == null) {
            sourceHeader = utf8(source);
        }
        headers.add(CloudEventHeaders.SOURCE, sourceHeader);
        headers.add(CloudEventHeaders.SUBJECT, message.key());
        headers.add(CloudEventHeaders.TIME, time);
        if (message.payload() != null) {
            headers.add(CloudEventHeaders.CONTENT_TYPE, JSON);
        }
        return record;
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private byte[] timeHeader(ResultSet rs) throws SQLException {
        // Compared as the driver's raw bytes: decoding the time costs more than the rest of the row.
        byte[] stored = rs.getBytes(2);
        if (!Arrays.equals(stored, lastStoredTime)) {
            lastTimeHeader = utf8(rs.getObject(2, OffsetDateTime.class).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            lastStoredTime = stored;
        }
        return lastTimeHeader;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.producer(source + "-outbox-relay");
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // Closing a producer that lost its broker may complain; a new one is made on the next batch.
            }
            producer = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
