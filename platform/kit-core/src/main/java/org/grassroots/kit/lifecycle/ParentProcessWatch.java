package org.grassroots.kit.lifecycle;

import io.quarkus.runtime.Application;
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

    /** Time for the clean shutdown (consumers leave their groups, the relay stops) before the process ends anyway. */
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
        Thread stopper = new Thread(() -> {
            try {
                Application application = Application.currentApplication();
                if (application != null) {
                    application.stop(); // the clean shutdown a SIGTERM gives
                }
            } finally {
                endNow();
            }
        }, "parent-gone-stop");
        stopper.start();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            endNow();
        }, "parent-gone-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /**
     * Ends the process at once, once its clean shutdown is done. An exit would first write the JVM's class-data
     * archive where the local run asks for one, which takes a first run 10-20 s: too long for nobody's benefit.
     */
    private static void endNow() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        } catch (Exception noKillCommand) {
            // halt below
        }
        Runtime.getRuntime().halt(3);
    }
}
