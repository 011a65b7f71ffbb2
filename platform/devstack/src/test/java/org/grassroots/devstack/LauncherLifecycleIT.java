package org.grassroots.devstack;

import org.grassroots.platform.infra.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ./devstack} as scripts and CI start it: in the background, as its own process. However the launcher ends,
 * nothing it started outlives it and its ports are free again; a signal stops everything within 15 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherLifecycleIT {

    private static final Path ROOT = DevstackOptions.findProjectRoot(Path.of(""));
    private static final Path DATA = ROOT.resolve("platform/devstack/target/lifecycle-it");
    private static final int GATEWAY_PORT = FreePorts.consecutive(1 + Devstack.SERVICES.size());
    private static final int POSTGRES_PORT = FreePorts.next();
    private static final int KAFKA_PORT = FreePorts.next();
    private static final List<Integer> PORTS = List.of(GATEWAY_PORT, GATEWAY_PORT + 1, GATEWAY_PORT + 2,
            GATEWAY_PORT + 3, POSTGRES_PORT, KAFKA_PORT);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private Process launcher;

    /**
     * The first stop after a build is slower than any after it: each service writes its class-data archive as it
     * exits (docs/operations.md). The tests measure the stop as it is from then on, so a build without the
     * archives yet (DevstackIT, which runs first, usually leaves them) is started and stopped once first.
     */
    @BeforeAll
    static void classDataArchivesWritten() throws Exception {
        List<String> modules = List.of("members-service", "events-service", "elections-service", "gateway");
        if (modules.stream().allMatch(m -> Files.exists(ROOT.resolve(m).resolve("target/app-cds.jsa")))) {
            return;
        }
        LauncherLifecycleIT first = new LauncherLifecycleIT();
        Started started = first.start("--fresh");
        long signalledAt = System.nanoTime();
        first.launcher.destroy();
        awaitAllGone(started, Duration.ofSeconds(90));
        System.out.printf("[LauncherLifecycleIT] first stop after the build (writing the class-data archives): "
                + "%.1f s%n", (System.nanoTime() - signalledAt) / 1e9);
    }

    @AfterEach
    void noneLeftBehind() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void aKilledLauncherLeavesNoProcessAndFreesItsPortsWithinTenSeconds() throws Exception {
        Started started = start("--fresh");

        long killedAt = System.nanoTime();
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs
        awaitAllGone(started, Duration.ofSeconds(10));
        System.out.printf("[LauncherLifecycleIT] after kill -9 of the launcher: %d processes gone and %d ports free "
                + "in %.1f s%n", started.processes().size(), PORTS.size(), (System.nanoTime() - killedAt) / 1e9);
    }

    @Test
    @Order(2)
    void aSecondStartIsRefusedInOneLineNamingThePortsHolderAndSigtermStopsEverythingInUnderFifteenSeconds()
            throws Exception {
        Started started = start();
        Process second = new ProcessBuilder(command(DATA.resolveSibling("lifecycle-it-second")))
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String said = new String(second.getInputStream().readAllBytes());
        assertEquals(1, second.waitFor(), "a refused start fails: " + said);
        List<String> lines = said.lines().filter(l -> l.startsWith("[devstack]")).toList();
        assertEquals(1, lines.size(), "one line: " + said);
        assertTrue(lines.getFirst().contains("Port " + GATEWAY_PORT + " is taken by process"), lines.getFirst());
        assertTrue(lines.getFirst().contains("gateway"), "names what holds the port: " + lines.getFirst());

        long signalledAt = System.nanoTime();
        launcher.destroy(); // SIGTERM
        awaitAllGone(started, Duration.ofSeconds(15));
        double seconds = (System.nanoTime() - signalledAt) / 1e9;
        System.out.printf("[LauncherLifecycleIT] SIGTERM: stopped in %.1f s%n", seconds);
        assertTrue(output(started).contains("[devstack] Stopped in"), "the launcher stopped its stack itself");
    }

    @Test
    @Order(3)
    void sigintStopsALauncherStartedInTheBackgroundWithSigintIgnored() throws Exception {
        // As `./devstack &` in a script: the shell starts it with SIGINT ignored.
        Started started = start();

        long signalledAt = System.nanoTime();
        signal("INT", launcher.pid());
        awaitAllGone(started, Duration.ofSeconds(15));
        System.out.printf("[LauncherLifecycleIT] SIGINT to a background start: stopped in %.1f s%n",
                (System.nanoTime() - signalledAt) / 1e9);
        assertTrue(output(started).contains("[devstack] Stopped in"), "the launcher stopped its stack itself");
    }

    private record Started(List<ProcessHandle> processes, Path output) {
    }

    private Started start(String... extra) throws IOException, InterruptedException {
        List<String> command = command(DATA);
        command.addAll(List.of(extra));
        Path output = Files.createDirectories(DATA.getParent()).resolve("lifecycle-it-" + System.nanoTime() + ".log");
        launcher = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!Files.readString(output).contains("Grassroots is running")) {
            if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
                fail("./devstack did not come up: " + Files.readString(output));
            }
            Thread.sleep(500);
        }
        List<ProcessHandle> processes = new ArrayList<>(launcher.descendants().toList());
        processes.add(launcher.toHandle());
        // PostgreSQL's postmaster is not our descendant: pg_ctl daemonised it.
        String postmaster = Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).getFirst().trim();
        ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(processes::add);
        assertTrue(processes.size() >= 7, "the launcher, its services, the broker and PostgreSQL: " + processes);
        return new Started(processes, output);
    }

    private static List<String> command(Path data) {
        String devstack = String.join(" ", "./devstack", "--data", data.toString(), "--port",
                Integer.toString(GATEWAY_PORT), "--postgres-port", Integer.toString(POSTGRES_PORT), "--kafka-port",
                Integer.toString(KAFKA_PORT));
        return new ArrayList<>(List.of("bash", "-c", "trap '' INT; DEVSTACK_NO_BUILD=1 exec " + devstack));
    }

    private static void awaitAllGone(Started started, Duration within) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (started.processes().stream().noneMatch(ProcessHandle::isAlive)
                    && PORTS.stream().allMatch(PortOwners::isFree)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("Within " + within.toSeconds() + " s, still running: " + started.processes().stream()
                .filter(ProcessHandle::isAlive).map(PortOwners::describe).toList() + "; ports taken: "
                + PORTS.stream().filter(p -> !PortOwners.isFree(p)).toList() + "\n" + output(started));
    }

    private static String output(Started started) throws IOException {
        return Files.readString(started.output());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
