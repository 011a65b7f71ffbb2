package org.grassroots.platform.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the JVMs this machinery starts. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Asks for a clean shutdown (SIGTERM), waits up to {@code grace}, then kills. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
