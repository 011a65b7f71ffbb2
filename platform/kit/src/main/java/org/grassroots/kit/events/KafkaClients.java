package org.grassroots.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds the Kafka clients the kit uses, with settings chosen for at-least-once, ordered delivery. */
@ApplicationScoped
public class KafkaClients {

    /** The most records a consumer's poll returns. */
    public static final int MAX_POLL_RECORDS = 2_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "grassroots.kafka.send-timeout-ms", defaultValue = "10000")
    int sendTimeoutMs;

    @ConfigProperty(name = "grassroots.kafka.partitions", defaultValue = "3")
    int partitions;

    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // Idempotence with at most 5 in flight keeps the order per partition, so per aggregate id (the key).
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // The relay sends hundreds of records and then flushes: large batches mean few requests for the broker.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Bounded waits: with Kafka down the relay fails fast, rolls back and retries later.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeoutMs / 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Offsets are committed by hand, after the database transaction that applied the records.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A burst is applied a batch per transaction: larger batches, fewer commits.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // A replica that died without leaving its group holds its partitions until this times out: keep it short.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /**
     * Creates the topics that don't exist yet, with {@code grassroots.kafka.partitions} partitions. Consumers call
     * it before subscribing, so they are assigned partitions at once instead of waiting for a producer to
     * auto-create the topic and for their next metadata refresh.
     */
    public void ensureTopics(Collection<String> topics) {
        ensureTopics(topics, false);
    }

    /** As {@link #ensureTopics(Collection)}; {@code compacted} topics keep the latest record per key. */
    public void ensureTopics(Collection<String> topics, boolean compacted) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeoutMs / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, sendTimeoutMs))) {
            Set<String> existing = admin.listTopics().names().get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())
                            .configs(compacted ? Map.of("cleanup.policy", "compact") : Map.of()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics " + topics, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics " + topics, e);
        }
    }

    public int sendTimeoutMs() {
        return sendTimeoutMs;
    }
}
