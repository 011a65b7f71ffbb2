package org.grassroots.platform.infra;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * For a process that cannot watch its launcher itself (PostgreSQL's postmaster, daemonised by {@code pg_ctl}): a
 * tiny shell, in its own session, that signals it once this JVM is gone however this JVM ended, and ends itself
 * when the process ends first. Polls twice a second, which costs nothing measurable.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    /**
     * Sends {@code signal} (e.g. {@code INT}, PostgreSQL's fast shutdown) to {@code pid} when this JVM is gone.
     * Does nothing where there is no POSIX shell.
     */
    public static void stopWithThisProcess(long pid, String signal) {
        String script = """
                while kill -0 "$1" 2>/dev/null; do
                  kill -0 "$0" 2>/dev/null || { kill -%s "$1" 2>/dev/null; exit 0; }
                  sleep 0.5
                done""".formatted(signal);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script,
                Long.toString(ProcessHandle.current().pid()), Long.toString(pid)));
        try {
            new ProcessBuilder(ChildProcesses.detached(command))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new InfrastructureException("Could not start the guard that stops process " + pid
                    + " with this one: " + e.getMessage(), e);
        }
    }
}
