package org.grassroots.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping the JVMs this machinery starts. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * The command to start a child in its own session where the system can: Ctrl-C in a terminal then reaches
     * only the parent, which stops its children in order (services before the broker they leave their
     * consumer groups on), instead of every process at once.
     */
    public static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>();
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }

    /** Asks for a clean shutdown (SIGTERM), waits up to {@code grace}, then kills. */
    public static void stop(Process process, Duration grace) {
        stopAll(List.of(process), grace);
    }

    /**
     * Asks every one for a clean shutdown at once (SIGTERM), so their shutdowns overlap, waits up to {@code grace}
     * in all, then kills those still running.
     */
    public static void stopAll(List<Process> processes, Duration grace) {
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Process process : processes) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(Process::destroyForcibly);
        }
    }
}
