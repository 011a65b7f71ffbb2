package org.grassroots.devstack;

import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.EmbeddedPostgresServer;
import org.grassroots.platform.infra.KafkaBroker;
import org.grassroots.kit.time.SuiteClock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole suite on one machine without Docker: embedded PostgreSQL (one database per service), a Kafka broker,
 * the four services and the gateway, each service in its own JVM from its built jar, configured through the same
 * environment variables as in docker-compose.yml. Closing it stops everything it started.
 *
 * <p>This class starts and stops the processes; waiting for them ({@link Readiness}, {@link ProjectionsWait}),
 * their environments ({@link ProcessEnvironments}) and their files ({@link StackFiles}) live beside it.
 */
public final class Devstack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("members", "events", "elections", "webhooks");

    private final DevstackOptions options;
    private final List<ServiceProcess> processes = new ArrayList<>();
    /** How each process was started, by module ("members", ..., "gateway"), to start it again. */
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private int demoRecordsAdded;
    private Optional<String> demoApiKey = Optional.empty();
    private Optional<DemoData.DemoMember> demoMember = Optional.empty();
    private Optional<DemoData.DemoMember> demoOrganiser = Optional.empty();
    private final Duration clockOffset;
    private EmbeddedPostgresServer postgres;
    private KafkaBroker kafka;
    private LauncherClaim claim;

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
        for (String service : SERVICES) {
            jarOf(service); // fail fast, before starting anything, if the build is missing
        }
        jarOf("gateway");
        LauncherClaim taken = LauncherClaim.take(options);
        StackFiles.prepareDataDirectory(data, options.fresh());
        claim = taken.record();
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

        ProcessEnvironments environments = new ProcessEnvironments(options, clockOffset);
        for (String service : SERVICES) {
            launch(service, new Launch(service + "-service", jarOf(service),
                    environments.service(service, postgres, kafka, serviceKeys)));
        }
        launch("gateway", new Launch("gateway", jarOf("gateway"),
                environments.gateway(postgres, publicKey, gatewaySigningKey)));
        awaitReady();
        DemoData.Seeded seeded = DemoData.seed(gatewayUrl(),
                DevTokens.token("demo-admin", List.of("admin"), Duration.ofMinutes(5)), clock());
        demoRecordsAdded = seeded.created();
        demoMember = seeded.member();
        demoOrganiser = seeded.organiser();
        demoApiKey = DemoData.readOnlyApiKey(gatewayUrl(), DevTokens.token("demo-admin", List.of("admin"),
                Duration.ofMinutes(5)));
        demoMemberId().ifPresent(id -> ProjectionsWait.awaitMember(postgres, id));
    }

    private record Launch(String name, Path jar, Map<String, String> environment) {
    }

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

    /** Stops one service ("members", "events", "elections", "webhooks") or the gateway cleanly (SIGTERM), as a deployment would. */
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
            Readiness.await(started, URI.create(url + "/q/health/ready"), module, 250, whereTheLogsAre());
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
     * Stops one part of the suite ("members-service", ..., "webhooks-service" or "gateway") and starts
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
                Readiness.awaitOwn(fresh);
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new IllegalArgumentException("No part of the suite is called " + name);
    }

    /** Until the gateway reports every service ready. */
    private void awaitReady() {
        Readiness.await(processes, URI.create(gatewayUrl() + "/q/health/ready"), "the suite", 250, whereTheLogsAre());
    }

    private String whereTheLogsAre() {
        return "logs are in " + options.dataDirectory().resolve("logs");
    }

    private Path jarOf(String module) {
        return StackFiles.jarOf(options.projectRoot(), module);
    }

    @Override
    public void close() {
        if (processes.isEmpty() && kafka == null && postgres == null) {
            return; // refused before anything started
        }
        long start = System.nanoTime();
        // The gateway and the services together (none needs another to stop), the infrastructure they leave last.
        ServiceProcess.stopAll(processes);
        long servicesStopped = System.nanoTime();
        if (kafka != null) {
            kafka.close();
        }
        long kafkaStopped = System.nanoTime();
        if (postgres != null) {
            postgres.close();
        }
        if (claim != null) {
            claim.release();
        }
        long end = System.nanoTime();
        log("Stopped in %.1f s (services %.1f s, Kafka %.1f s, PostgreSQL %.1f s)", seconds(end - start),
                seconds(servicesStopped - start), seconds(kafkaStopped - servicesStopped), seconds(end - kafkaStopped));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf("[devstack] " + format + "%n", args);
    }
}
