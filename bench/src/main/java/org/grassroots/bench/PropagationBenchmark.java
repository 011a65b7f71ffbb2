package org.grassroots.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.grassroots.devstack.Devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Propagation: from a committed write in members-service (a new member, {@code POST /members} answered 201, so
 * committed) to the member's row in events-service's and elections-service's projections, which are polled with
 * JDBC every millisecond. Writes one at a time, so each is timed on an otherwise idle suite. The reference is
 * Kafka alone on the same broker: a producer (acks=all) to a consumer, one record at a time.
 */
final class PropagationBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    /** Milliseconds from the write's answer to the row in each projection, and Kafka's own producer to consumer. */
    record Result(int writes, Latencies toEvents, Latencies toElections, Latencies kafkaAlone) {
    }

    private PropagationBenchmark() {
    }

    static Result run(Devstack stack, SuiteClient client, int writes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long[] toEvents = new long[writes];
        long[] toElections = new long[writes];
        try (Connection events = client.database("events"); Connection elections = client.database("elections");
             PreparedStatement inEvents = events.prepareStatement("select 1 from member_projection where member_id = ?");
             PreparedStatement inElections = elections.prepareStatement(
                     "select 1 from member_projection where member_id = ?")) {
            for (int i = -Math.min(20, writes); i < writes; i++) { // the first few warm the path up, unrecorded
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("members")
                        + "/members")).header("Authorization", client.adminBearer())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"givenName\":\"Propagation\",\"familyName\":\"Probe\",\"email\":\"propagation-" + run
                                        + "-" + i + "@bench.example.org\",\"postcode\":\"PL1 1AA\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long committed = System.nanoTime();
                Matcher id = ID.matcher(created.body());
                if (created.statusCode() != 201 || !id.find()) {
                    throw new IllegalStateException("member not created: " + created.statusCode() + " " + created.body());
                }
                UUID member = UUID.fromString(id.group(1));
                inEvents.setObject(1, member);
                inElections.setObject(1, member);
                long seenInEvents = 0;
                long seenInElections = 0;
                while (seenInEvents == 0 || seenInElections == 0) {
                    if (seenInEvents == 0 && exists(inEvents)) {
                        seenInEvents = System.nanoTime();
                    }
                    if (seenInElections == 0 && exists(inElections)) {
                        seenInElections = System.nanoTime();
                    }
                    if (System.nanoTime() - committed > GIVE_UP.toNanos()) {
                        throw new IllegalStateException("member " + member + " did not reach both projections in "
                                + GIVE_UP.toSeconds() + " s");
                    }
                    Thread.sleep(1);
                }
                if (i >= 0) {
                    toEvents[i] = seenInEvents - committed;
                    toElections[i] = seenInElections - committed;
                }
            }
        }
        return new Result(writes, Latencies.of(toEvents), Latencies.of(toElections),
                kafkaAlone(stack.kafkaBootstrapServers(), writes));
    }

    private static boolean exists(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next();
        }
    }

    /** One record at a time from a producer to a consumer on the broker the suite uses: Kafka's own latency. */
    static Latencies kafkaAlone(String bootstrap, int records) throws Exception {
        String topic = "bench-latency-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(records + 100);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class));
             KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 0,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, LongSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, LongSerializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofMillis(100));
            Thread poller = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                            arrivals.add(System.nanoTime() - record.value());
                        }
                    }
                } catch (WakeupException e) {
                    // stopped
                }
            });
            long[] latencies = new long[records];
            try {
                for (int i = -Math.min(20, records); i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, (long) i, System.nanoTime())).get();
                    Long latency = arrivals.poll(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
                    if (latency == null) {
                        throw new IllegalStateException("a record did not reach the consumer in " + GIVE_UP);
                    }
                    if (i >= 0) {
                        latencies[i] = latency;
                    }
                }
            } finally {
                consumer.wakeup();
                poller.join();
            }
            return Latencies.of(latencies);
        }
    }
}
