package org.grassroots.devstack;

import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.EmbeddedPostgresServer;
import org.grassroots.platform.infra.KafkaBroker;
import org.grassroots.kit.time.SuiteClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The whole suite on one machine without Docker: embedded PostgreSQL (one database per service), a Kafka broker,
 * the three services and the gateway, each service in its own JVM from its built jar, configured through the same
 * environment variables as in docker-compose.yml. Closing it stops everything it started.
 */
public final class Devstack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("members", "events", "elections");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final DevstackOptions options;
    private final List<ServiceProcess> processes = new ArrayList<>();
    /** How each process was started, by module ("members", ..., "gateway"), to start it again. */
    private final Map<String, Launch> launches = new java.util.LinkedHashMap<>();
    private int demoRecordsAdded;
    private Optional<String> demoApiKey = Optional.empty();
    private Optional<DemoData.DemoMember> demoMember = Optional.empty();
    private Optional<DemoData.DemoMember> demoOrganiser = Optional.empty();
    private final Duration clockOffset;
    private EmbeddedPostgresServer postgres;
    private KafkaBroker kafka;

    private Devstack(DevstackOptions options) {
        this.options = options;
        String offset = options.environment().get(SuiteClock.ENVIRONMENT);
        this.clockOffset = offset != null ? SuiteClock.parseOffset(offset) : SuiteClock.offsetFromEnvironment();
    }

    /** The clock every process of the stack runs on (moved by {@code GRASSROOTS_CLOCK_OFFSET}, if set). */
    public Clock clock() {
        return SuiteClock.movedBy(clockOffset);
    }

    /** Starts everything, waits until the gateway reports every service ready, and adds the demo data. */
    public static Devstack start(DevstackOptions options) {
        Devstack stack = new Devstack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public DevstackOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.gatewayPort();
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + options.servicePort(service);
    }

    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Processes started by this stack that are still alive (for the no-orphans check). */
    public List<ProcessHandle> liveProcesses() {
        return processes.stream().map(ServiceProcess::handle).filter(ProcessHandle::isAlive).toList();
    }

    private void startAll() {
        Path data = options.dataDirectory();
        if (options.fresh()) {
            deleteRecursively(data);
        }
        mkdirs(data.resolve("logs"));
        for (String service : SERVICES) {
            jarOf(service); // fail fast, before starting anything, if the build is missing
        }
        jarOf("gateway");
        log("Starting PostgreSQL on port %d (data in %s)", options.postgresPort(), data.resolve("postgres"));
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), options.postgresPort());
        SERVICES.forEach(postgres::createDatabaseIfAbsent);
        postgres.createDatabaseIfAbsent("gateway");
        log("Starting Kafka on port %d", options.kafkaPort());
        kafka = KafkaBroker.start(data.resolve("kafka"), options.kafkaPort());
        Path publicKey = DevTokens.writePublicKey(data.resolve("keys").resolve("dev-jwt-public.pem"));
        // The services trust the identity provider's key and the gateway's (for tokens minted for API keys).
        Path serviceKeys = DevTokens.write(data.resolve("keys").resolve("dev-jwks.json"), DevTokens.jwks());
        Path gatewaySigningKey = DevTokens.write(data.resolve("keys").resolve("dev-gateway-private.pem"),
                DevTokens.gatewaySigningKeyPem());

        for (String service : SERVICES) {
            Map<String, String> env = withExtra(Map.ofEntries(
                    Map.entry("PORT", Integer.toString(options.servicePort(service))),
                    Map.entry("DB_URL", postgres.jdbcUrl(service)),
                    Map.entry("DB_USER", postgres.username()),
                    Map.entry("DB_PASSWORD", postgres.password()),
                    Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    Map.entry("JWT_PUBLIC_KEY_LOCATION", serviceKeys.toUri().toString()),
                    Map.entry("GRASSROOTS_JWT_ISSUER", DevTokens.ISSUER),
                    // The local run's own secret; digests are only ever sent, so a fixed one loses nothing.
                    Map.entry("GRASSROOTS_ERASURE_DIGEST_KEY", "devstack-local-erasure-digest-secret"),
                    Map.entry("GRASSROOTS_SUBJECT_ACCESS_KEY", "devstack-local-subject-access-secret"),
                    // members-service asks the others for the subject-access export.
                    Map.entry("EVENTS_SERVICE_URL", serviceUrl("events")),
                    Map.entry("ELECTIONS_SERVICE_URL", serviceUrl("elections"))));
            launch(service, new Launch(service + "-service", jarOf(service), env));
        }
        Map<String, String> gatewayEnv = withExtra(Map.ofEntries(
                Map.entry("PORT", Integer.toString(options.gatewayPort())),
                Map.entry("MEMBERS_SERVICE_URL", serviceUrl("members")),
                Map.entry("EVENTS_SERVICE_URL", serviceUrl("events")),
                Map.entry("ELECTIONS_SERVICE_URL", serviceUrl("elections")),
                Map.entry("PUBLIC_URL", gatewayUrl()),
                Map.entry("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString()),
                Map.entry("GRASSROOTS_JWT_ISSUER", DevTokens.ISSUER),
                Map.entry("GATEWAY_SIGNING_KEY_LOCATION", gatewaySigningKey.toUri().toString()),
                Map.entry("DB_URL", postgres.jdbcUrl("gateway")),
                Map.entry("DB_USER", postgres.username()),
                Map.entry("DB_PASSWORD", postgres.password())));
        launch("gateway", new Launch("gateway", jarOf("gateway"), gatewayEnv));
        awaitReady();
        DemoData.Seeded seeded = DemoData.seed(gatewayUrl(),
                DevTokens.token("demo-admin", List.of("admin"), Duration.ofMinutes(5)), clock());
        demoRecordsAdded = seeded.created();
        demoMember = seeded.member();
        demoOrganiser = seeded.organiser();
        demoApiKey = DemoData.readOnlyApiKey(gatewayUrl(), DevTokens.token("demo-admin", List.of("admin"),
                Duration.ofMinutes(5)));
        demoMemberId().ifPresent(this::awaitProjections);
    }

    private record Launch(String name, Path jar, Map<String, String> environment) {
    }

    /**
     * A process's environment: its own, the local run's defaults (CORS for front-ends on localhost, the clock) and
     * the options' extras, which win.
     */
    private Map<String, String> withExtra(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.putAll(LOCAL_RUN_ENVIRONMENT);
        if (!clockOffset.isZero()) {
            all.put(SuiteClock.ENVIRONMENT, clockOffset.toString());
        }
        all.putAll(options.environment());
        return all;
    }

    /**
     * What only the local run sets: browsers on any localhost port may call the gateway (a front-end's dev server),
     * as production does not unless configured. Quarkus reads an origin between slashes as a regular expression.
     */
    static final Map<String, String> LOCAL_RUN_ENVIRONMENT = Map.of(
            "CORS_ENABLED", "true",
            "CORS_ORIGINS", "/http://localhost(:[0-9]+)?/,/http://127[.]0[.]0[.]1(:[0-9]+)?/");

    private void launch(String module, Launch launch) {
        launches.put(module, launch);
        processes.add(ServiceProcess.start(launch.name(), launch.jar(), launch.environment(),
                options.dataDirectory().resolve("logs")));
    }

    private ServiceProcess process(String module) {
        String name = launches.get(module) == null ? null : launches.get(module).name();
        return processes.stream().filter(p -> p.name().equals(name) && p.handle().isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException(module + " is not running"));
    }

    /** Stops one service ("members", "events", "elections") or the gateway cleanly (SIGTERM), as a deployment would. */
    public void stopService(String module) {
        ServiceProcess process = process(module);
        process.stop();
        processes.remove(process);
    }

    /** Kills one service or the gateway (SIGKILL): no shutdown hooks, consumers stop mid-batch, as in a crash. */
    public void killService(String module) {
        ServiceProcess process = process(module);
        process.kill();
        processes.remove(process);
    }

    /** Starts stopped services or the gateway again with their original configuration, waits until they are ready. */
    public void startService(String... modules) {
        List<ServiceProcess> started = new ArrayList<>();
        for (String module : modules) {
            Launch launch = launches.get(module);
            if (launch == null) {
                throw new IllegalArgumentException("Unknown module " + module);
            }
            launch(module, launch);
            started.add(processes.getLast());
        }
        for (String module : modules) {
            String url = module.equals("gateway") ? gatewayUrl() : serviceUrl(module);
            awaitReady(started, URI.create(url + "/q/health/ready"), module, 250,
                    "logs are in " + options.dataDirectory().resolve("logs"));
        }
    }

    /** Stops the Kafka broker (its data stays); clients keep retrying until {@link #startKafka()}. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same port and data directory. */
    public void startKafka() {
        kafka.start();
    }

    /** Ready means the demo data is visible everywhere: wait for the demo member in both projections. */
    private void awaitProjections(UUID memberId) {
        Instant deadline = Instant.now().plusSeconds(30);
        for (String service : List.of("events", "elections")) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(service), postgres.username(),
                    postgres.password());
                 PreparedStatement ps = c.prepareStatement("select 1 from member_projection where member_id = ?")) {
                ps.setObject(1, memberId);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            break;
                        }
                    }
                    if (Instant.now().isAfter(deadline)) {
                        log("The demo member has not reached %s-service yet; see its log", service);
                        return;
                    }
                    sleep(50);
                }
            } catch (SQLException e) {
                log("Could not check %s-service's projection: %s", service, e.getMessage());
            }
        }
    }

    /** The demo member (Ada, Plymouth), whose own token the local run prints. */
    public Optional<UUID> demoMemberId() {
        return demoMember.map(DemoData.DemoMember::id);
    }

    /** A token for the demo member: she may RSVP as herself. */
    public Optional<String> demoMemberToken(Duration lifetime) {
        return demoMemberId().map(id -> DevTokens.token(id.toString(), List.of("member"), lifetime));
    }

    /**
     * A token for the demo organiser (Olu, Plymouth's organiser): her member id, the organiser role and her branch,
     * so she sees and manages Plymouth's members and events.
     */
    public Optional<String> demoOrganiserToken(Duration lifetime) {
        return demoOrganiser.map(o -> DevTokens.token(o.id().toString(), List.of("organiser", "member"),
                Map.of("branch", o.branchId().toString()), lifetime));
    }

    /** The demo organiser's branch (Plymouth). */
    public Optional<UUID> demoOrganiserBranchId() {
        return demoOrganiser.map(DemoData.DemoMember::branchId);
    }

    /** A read-only API key (members, events, elections) created for this run, if the gateway made one. */
    public Optional<String> demoApiKey() {
        return demoApiKey;
    }

    /** Demo records this start added through the gateway (none when they exist from an earlier run). */
    public int demoRecordsAdded() {
        return demoRecordsAdded;
    }

    /**
     * Stops one part of the suite ("members-service", "events-service", "elections-service" or "gateway") and starts
     * it again the same way while the rest keeps running (benchmarks time a start on its own this way); returns
     * the time from starting its JVM until its own readiness check answered 200.
     */
    public Duration restart(String name) {
        for (int i = 0; i < processes.size(); i++) {
            ServiceProcess old = processes.get(i);
            if (old.name().equals(name)) {
                old.stop();
                long start = System.nanoTime();
                ServiceProcess fresh = old.restart();
                processes.set(i, fresh);
                awaitReady(fresh, URI.create("http://localhost:" + fresh.port() + "/q/health/ready"));
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new IllegalArgumentException("No part of the suite is called " + name);
    }

    /** Until the gateway reports every service ready. */
    private void awaitReady() {
        awaitReady(processes, URI.create(gatewayUrl() + "/q/health/ready"), "the suite", 250,
                "logs are in " + options.dataDirectory().resolve("logs"));
    }

    /** Until one process reports itself ready; polled often, since a benchmark times this. */
    private void awaitReady(ServiceProcess process, URI readiness) {
        awaitReady(List.of(process), readiness, process.name(), 10, "see " + process.log());
    }

    /** Until {@code readiness} answers 200, failing as soon as one of {@code watched} exits. */
    private void awaitReady(List<ServiceProcess> watched, URI readiness, String what, long pollMillis,
                            String whereToLook) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (ServiceProcess process : watched) {
                if (!process.handle().isAlive()) {
                    throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
                }
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s; " + whereToLook);
    }

    private Path jarOf(String module) {
        String directory = SERVICES.contains(module) ? module + "-service" : module;
        Path jar = options.projectRoot().resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    @Override
    public void close() {
        // Reverse order: the gateway first, the infrastructure last.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[devstack] " + format + "%n", args);
    }

    private static void mkdirs(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
