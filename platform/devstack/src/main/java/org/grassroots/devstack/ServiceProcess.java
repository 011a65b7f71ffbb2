package org.grassroots.devstack;

import org.grassroots.platform.infra.ChildProcesses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service JVM started from its Quarkus jar, its output in a log file; how it was started, to restart it. */
record ServiceProcess(String name, Process process, Path log, Path jar, Map<String, String> environment) {

    static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path logDirectory) {
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        discardStaleArchive(jar);
        command.addAll(jvmOptions(jar));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // glibc gives each thread that mallocs its own arena (up to 8 per core); two keep native memory small.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            Devstack.log("Starting %s (log: %s)", name, log);
            return new ServiceProcess(name, builder.start(), log, jar, Map.copyOf(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** The same JVM again (after {@link #stop()}), its output appended to the same log. */
    ServiceProcess restart() {
        return start(name, jar, environment, log.getParent());
    }

    int port() {
        return Integer.parseInt(environment.get("PORT"));
    }

    /**
     * The services' JVM options (mirrored in each src/main/docker/Dockerfile.jvm but the archive; docs/operations.md
     * says why). The class-data archive beside the build (target/app-cds.jsa) is written when a JVM that found none
     * exits and is used from the next start on (see {@link #discardStaleArchive}).
     */
    /**
     * Deletes the class-data archive if the jar was rebuilt after it. The JVM does not use an archive recorded for
     * another jar, and neither does it write a new one over it at exit (the class-path mismatch turns sharing off
     * altogether): without this, every build after the first would start without an archive.
     */
    static void discardStaleArchive(Path jar) {
        Path archive = archiveOf(jar);
        try {
            if (Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Files.delete(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not discard the stale class-data archive " + archive, e);
        }
    }

    private static Path archiveOf(Path jar) {
        return jar.toAbsolutePath().getParent().resolveSibling("app-cds.jsa");
    }

    static List<String> jvmOptions(Path jar) {
        Path archive = archiveOf(jar);
        return List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
                "-XX:ReservedCodeCacheSize=96m", "-XX:MaxMetaspaceSize=192m",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-XX:+ExitOnOutOfMemoryError");
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** How long a clean stop may take before the process is killed. */
    private static final Duration GRACE = Duration.ofSeconds(20);

    /** A graceful stop (SIGTERM), then a forced one if it takes too long. */
    void stop() {
        ChildProcesses.stop(process, GRACE);
    }

    /** Graceful stops of them all at once. */
    static void stopAll(List<ServiceProcess> processes) {
        ChildProcesses.stopAll(processes.stream().map(ServiceProcess::process).toList(), GRACE);
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
