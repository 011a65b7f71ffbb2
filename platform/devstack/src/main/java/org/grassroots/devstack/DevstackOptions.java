package org.grassroots.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the local stack. The defaults are the documented ports; tests choose free ones.
 *
 * @param projectRoot   the repository root (where the built service jars are)
 * @param dataDirectory where PostgreSQL and Kafka keep their data and the processes their logs
 * @param fresh         delete the data first
 * @param basePort      the gateway's port; the services take the next three
 * @param environment   extra environment for every service and the gateway (e.g. a test turning rate limits off)
 */
public record DevstackOptions(Path projectRoot, Path dataDirectory, boolean fresh, int basePort, int postgresPort,
                              int kafkaPort, Map<String, String> environment) {

    public DevstackOptions {
        environment = Map.copyOf(environment);
    }

    public DevstackOptions(Path projectRoot, Path dataDirectory, boolean fresh, int basePort, int postgresPort,
                           int kafkaPort) {
        this(projectRoot, dataDirectory, fresh, basePort, postgresPort, kafkaPort, Map.of());
    }

    /** The same stack on its existing data (a restart), or wiped first. */
    public DevstackOptions withFresh(boolean wipe) {
        return new DevstackOptions(projectRoot, dataDirectory, wipe, basePort, postgresPort, kafkaPort, environment);
    }

    public static final int DEFAULT_BASE_PORT = 8080;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    public int gatewayPort() {
        return basePort;
    }

    public int servicePort(String service) {
        return basePort + 1 + Devstack.SERVICES.indexOf(service);
    }

    /** The repository root: the nearest directory upwards holding mvnw and pom.xml. */
    public static Path findProjectRoot(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("members-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Grassroots repository (no mvnw above " + from + ")");
    }
}
