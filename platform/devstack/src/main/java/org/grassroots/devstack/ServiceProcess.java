package org.grassroots.devstack;

import org.grassroots.platform.infra.ChildProcesses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service JVM started from its Quarkus jar, its output in a log file. */
record ServiceProcess(String name, Process process, Path log) {

    static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path logDirectory) {
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar.toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Devstack.log("Starting %s (log: %s)", name, log);
            return new ServiceProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** A graceful stop (SIGTERM), then a forced one if it takes too long. */
    void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
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
