package org.grassroots.systemtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The services' consumer groups, through the Kafka admin API: their lag, and a reset to the beginning for replay. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    List<String> groups() throws Exception {
        return admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).sorted().toList();
    }

    /** Records each group has yet to consume, per group. */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : groups()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            Map<TopicPartition, Long> ends = offsets(committed.keySet(), OffsetSpec.latest());
            lag.put(group, committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey())
                    - (e.getValue() == null ? 0 : e.getValue().offset())).sum());
        }
        return lag;
    }

    /** Waits until every group has consumed everything; answers the groups still behind, with their lag. */
    Map<String, Long> awaitNoLag(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> behind;
        do {
            behind = lag().entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
            if (behind.isEmpty()) {
                return behind;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        return behind;
    }

    /** Sets every group's committed offsets back to the beginning (the groups must have no members). */
    int resetToEarliest() throws Exception {
        int partitions = 0;
        for (String group : groups()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            Map<TopicPartition, Long> starts = offsets(committed.keySet(), OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            starts.forEach((partition, offset) -> reset.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
            partitions += reset.size();
        }
        return partitions;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
        committed.values().removeIf(java.util.Objects::isNull);
        return committed;
    }

    private Map<TopicPartition, Long> offsets(Iterable<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
