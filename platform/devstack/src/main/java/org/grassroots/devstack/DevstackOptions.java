package org.grassroots.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to run the local stack. The defaults are the documented ports; tests choose free ones.
 *
 * @param projectRoot   the repository root (where the built service jars are)
 * @param dataDirectory where PostgreSQL and Kafka keep their data and the processes their logs
 * @param fresh         delete the data first
 * @param basePort      the gateway's port; the services take the next four
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

    /**
     * The options of {@code ./devstack}: {@code --fresh}, and where the defaults do not suit (another run beside
     * this one, a test) {@code --data DIR}, {@code --port N} (the gateway; the services take the next four),
     * {@code --postgres-port N}, {@code --kafka-port N}.
     */
    public static DevstackOptions fromArguments(Path projectRoot, List<String> arguments) {
        Path data = projectRoot.resolve(".devstack");
        int base = DEFAULT_BASE_PORT;
        int postgres = DEFAULT_POSTGRES_PORT;
        int kafka = DEFAULT_KAFKA_PORT;
        boolean fresh = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--fresh" -> fresh = true;
                case "--data" -> data = Path.of(valueOf(arguments, ++i, argument)).toAbsolutePath();
                case "--port" -> base = portOf(arguments, ++i, argument);
                case "--postgres-port" -> postgres = portOf(arguments, ++i, argument);
                case "--kafka-port" -> kafka = portOf(arguments, ++i, argument);
                default -> throw new IllegalArgumentException("Unknown option " + argument + " (see --help)");
            }
        }
        return new DevstackOptions(projectRoot, data, fresh, base, postgres, kafka);
    }

    private static String valueOf(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return arguments.get(index);
    }

    private static int portOf(List<String> arguments, int index, String option) {
        String value = valueOf(arguments, index, option);
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a port number (1-65535), not " + value);
    }

    /** Every port the stack listens on: the gateway, the services, PostgreSQL and Kafka. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        ports.add(gatewayPort());
        Devstack.SERVICES.forEach(service -> ports.add(servicePort(service)));
        ports.add(postgresPort);
        ports.add(kafkaPort);
        return ports;
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
