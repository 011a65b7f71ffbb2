package org.grassroots.platform.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker+controller) run as a separate JVM from the Kafka jars on
 * this JVM's class path. It can be stopped and started again on the same ports and data, which is how the
 * kit's tests take Kafka away from a running service.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String javaOptions;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort, String javaOptions) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.javaOptions = javaOptions;
    }

    /**
     * @param directory where the broker keeps its log and data; created if absent, reused if it holds a broker
     * @param port      the client port, 0 for a free one
     */
    public static KafkaBroker start(Path directory, int port) {
        return start(directory, port,
                "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    public static KafkaBroker start(Path directory, int port, String javaOptions) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int controllerPort = readPort(directory, "controller.port");
        KafkaBroker broker = new KafkaBroker(directory,
                port > 0 ? port : FreePorts.next(),
                controllerPort > 0 ? controllerPort : FreePorts.next(),
                javaOptions);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker process (again) and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path config = writeConfig();
            String clusterId = clusterId();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(KafkaBrokerMain.class.getName());
            command.add(config.toString());
            command.add(clusterId);
            command.add(Long.toString(ProcessHandle.current().pid()));
            Path log = directory.resolve("broker.log");
            process = new ProcessBuilder(ChildProcesses.detached(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady(log);
        } catch (IOException e) {
            throw new InfrastructureException("Could not launch the Kafka broker JVM: " + e.getMessage(), e);
        }
    }

    /** Stops the broker process (as a clean shutdown) and waits for it to be gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, Duration.ofSeconds(30));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new InfrastructureException("The Kafka broker JVM exited with code " + process.exitValue()
                            + " during start-up; its output is in " + log + tail(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        stop();
        throw new InfrastructureException("The Kafka broker did not answer within " + STARTUP_TIMEOUT.toSeconds()
                + " s; its output is in " + log + tail(log));
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", directory.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("controlled.shutdown.enable", "true");
        // Recorded so a restart of the same data directory reuses the same ports.
        p.setProperty("controller.port", Integer.toString(controllerPort));
        p.setProperty("client.port", Integer.toString(port));
        Path file = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Generated by " + KafkaBroker.class.getName());
        }
        return file;
    }

    private String clusterId() throws IOException {
        Path file = directory.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static int readPort(Path directory, String key) {
        Path file = directory.resolve("server.properties");
        if (!Files.exists(file)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        return Integer.parseInt(p.getProperty(key, "0"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n--- last lines ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while waiting for Kafka", e);
        }
    }
}
