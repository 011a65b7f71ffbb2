package org.grassroots.kit.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Stops this process when the one that launched it is gone, however it ended (a {@code kill -9}, an OOM kill, a
 * closed terminal): the local run and the test harness set {@value #PROPERTY} to their own pid, so none of their
 * services outlives them on its fixed port. Production never sets it (an orchestrator owns the lifecycle there).
 */
@ApplicationScoped
public class ParentProcessWatch {

    public static final String PROPERTY = "grassroots.parent-pid";

    /** Time for the clean shutdown (consumers leave their groups, the relay stops) before the process halts. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    @ConfigProperty(name = PROPERTY)
    Optional<Long> parentPid;

    void watch(@Observes StartupEvent started) {
        parentPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop(pid)),
                () -> stop(pid)));
    }

    private static void stop(long pid) {
        LOG.warnf("The process that started this one (pid %d) is gone: stopping", pid);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        }, "parent-gone-halt");
        halt.setDaemon(true);
        halt.start();
        Quarkus.asyncExit(0);
    }
}
