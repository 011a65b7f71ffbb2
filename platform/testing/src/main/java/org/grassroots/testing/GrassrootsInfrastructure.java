package org.grassroots.testing;

import org.grassroots.platform.infra.EmbeddedPostgresServer;
import org.grassroots.platform.infra.InfrastructureException;
import org.grassroots.platform.infra.KafkaBroker;
import org.grassroots.platform.infra.PostgresEndpoint;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The real PostgreSQL and Kafka a test JVM talks to, started once per JVM and stopped when it exits.
 *
 * <p>{@code GRASSROOTS_TEST_INFRA} chooses how:
 * <ul>
 *   <li>{@code auto} (default): Testcontainers where a Docker engine answers, embedded otherwise;</li>
 *   <li>{@code containers}: Testcontainers only;</li>
 *   <li>{@code embedded}: zonky PostgreSQL and a Kafka broker JVM from the Kafka jars;</li>
 *   <li>{@code external}: {@code GRASSROOTS_TEST_POSTGRES_URL} (e.g. {@code postgresql://user:pw@host:5432}) and
 *   {@code GRASSROOTS_TEST_KAFKA_BOOTSTRAP}.</li>
 * </ul>
 */
public final class GrassrootsInfrastructure {

    public static final String MODE_ENV = "GRASSROOTS_TEST_INFRA";
    public static final String POSTGRES_URL_ENV = "GRASSROOTS_TEST_POSTGRES_URL";
    public static final String KAFKA_BOOTSTRAP_ENV = "GRASSROOTS_TEST_KAFKA_BOOTSTRAP";

    public enum Mode { AUTO, CONTAINERS, EMBEDDED, EXTERNAL }

    private static GrassrootsInfrastructure instance;

    private final Mode mode;
    private final PostgresEndpoint postgres;
    private final String kafkaBootstrap;
    private final KafkaBroker embeddedKafka;
    private final KafkaContainer kafkaContainer;

    private GrassrootsInfrastructure(Mode mode, PostgresEndpoint postgres, String kafkaBootstrap,
                                     KafkaBroker embeddedKafka, KafkaContainer kafkaContainer) {
        this.mode = mode;
        this.postgres = postgres;
        this.kafkaBootstrap = kafkaBootstrap;
        this.embeddedKafka = embeddedKafka;
        this.kafkaContainer = kafkaContainer;
    }

    /** The JVM's infrastructure, started on first use. */
    public static synchronized GrassrootsInfrastructure get() {
        if (instance == null) {
            instance = start(configuredMode());
        }
        return instance;
    }

    public Mode mode() {
        return mode;
    }

    public PostgresEndpoint postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** A Kafka outage that ends when it is closed. */
    public interface KafkaOutage extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes Kafka away until the returned outage is closed: the embedded broker is stopped and started again on
     * the same port and data; a container is paused and unpaused (to clients, a broker that stopped answering).
     */
    public KafkaOutage stopKafka() {
        if (embeddedKafka != null) {
            embeddedKafka.stop();
            return embeddedKafka::start;
        }
        if (kafkaContainer != null) {
            var docker = DockerClientFactory.instance().client();
            docker.pauseContainerCmd(kafkaContainer.getContainerId()).exec();
            return () -> docker.unpauseContainerCmd(kafkaContainer.getContainerId()).exec();
        }
        throw new IllegalStateException("Tests that stop Kafka need infrastructure they control: run them with "
                + MODE_ENV + "=embedded or containers, not " + mode);
    }

    static Mode configuredMode() {
        String value = System.getenv().getOrDefault(MODE_ENV, System.getProperty("grassroots.test.infra", "auto"));
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InfrastructureException(MODE_ENV + "=" + value + " is not one of auto, containers, embedded, "
                    + "external");
        }
    }

    private static GrassrootsInfrastructure start(Mode mode) {
        return switch (mode) {
            case EXTERNAL -> external();
            case CONTAINERS -> containers();
            case EMBEDDED -> embedded();
            case AUTO -> dockerAvailable() ? containers() : embedded();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static GrassrootsInfrastructure embedded() {
        Path directory;
        try {
            directory = Files.createTempDirectory("grassroots-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(directory.resolve("kafka"), 0);
        } catch (RuntimeException e) {
            postgres.close();
            throw new InfrastructureException("""
                    The embedded Kafka broker could not start: %s
                    It runs kafka.Kafka from the org.apache.kafka:kafka_2.13 jars on the test class path in a
                    separate JVM. Alternatives: GRASSROOTS_TEST_INFRA=containers (needs a Docker engine) or
                    GRASSROOTS_TEST_INFRA=external with GRASSROOTS_TEST_KAFKA_BOOTSTRAP."""
                    .formatted(e.getMessage()), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "grassroots-test-infra-stop"));
        return new GrassrootsInfrastructure(Mode.EMBEDDED, postgres, kafka.bootstrapServers(), kafka, null);
    }

    @SuppressWarnings("resource")
    private static GrassrootsInfrastructure containers() {
        if (!dockerAvailable()) {
            throw new InfrastructureException(MODE_ENV + "=containers needs a running Docker engine, and none "
                    + "answered. Start Docker, or use " + MODE_ENV + "=embedded (no Docker needed).");
        }
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        postgres.start();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }, "grassroots-test-containers-stop"));
        PostgresEndpoint endpoint = PostgresEndpoint.external(postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword());
        return new GrassrootsInfrastructure(Mode.CONTAINERS, endpoint, kafka.getBootstrapServers(), null, kafka);
    }

    private static GrassrootsInfrastructure external() {
        String url = System.getenv(POSTGRES_URL_ENV);
        String bootstrap = System.getenv(KAFKA_BOOTSTRAP_ENV);
        if (url == null || bootstrap == null) {
            throw new InfrastructureException(MODE_ENV + "=external needs " + POSTGRES_URL_ENV
                    + " (postgresql://user:password@host:port) and " + KAFKA_BOOTSTRAP_ENV + " (host:port).");
        }
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo() == null ? new String[]{"postgres", ""} : uri.getUserInfo().split(":", 2);
        PostgresEndpoint endpoint = PostgresEndpoint.external(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                credentials[0], credentials.length > 1 ? credentials[1] : "");
        return new GrassrootsInfrastructure(Mode.EXTERNAL, endpoint, bootstrap, null, null);
    }
}
