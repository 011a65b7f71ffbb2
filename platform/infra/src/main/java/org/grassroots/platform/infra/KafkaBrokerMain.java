package org.grassroots.platform.infra;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the broker JVM: formats the KRaft storage on first use, then runs {@code kafka.Kafka}.
 * Arguments: server.properties path, cluster id, pid of the launching process (the broker exits with it).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        String config = args[0];
        String clusterId = args[1];
        ParentWatchdog.watch(Long.parseLong(args[2]));
        Path metaProperties = Path.of(config).resolveSibling("data").resolve("meta.properties");
        if (!Files.exists(metaProperties)) {
            kafka.tools.StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config, "--ignore-formatted"},
                    new PrintStream(System.out, true));
        }
        kafka.Kafka.main(new String[]{config});
    }
}
