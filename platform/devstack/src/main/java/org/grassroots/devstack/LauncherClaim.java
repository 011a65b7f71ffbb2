package org.grassroots.devstack;

import org.grassroots.platform.infra.ParentWatchdog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which launcher runs the stack on a data directory ({@value #FILE} there: its pid and start), checked before
 * anything starts: a second launcher on the same data is refused in one line; what a launcher that died without
 * stopping (before its children watched it) left on the stack's ports is stopped; a port held by anything else is
 * named, with the process holding it, rather than met later as a lock or bind error.
 */
final class LauncherClaim {

    static final String FILE = "launcher.pid";

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(15);

    private final Path file;

    private LauncherClaim(Path file) {
        this.file = file;
    }

    /** Checks, recovers a dead launcher's leftovers, and records this process as the data directory's launcher. */
    static LauncherClaim take(DevstackOptions options) {
        Path file = options.dataDirectory().resolve(FILE);
        recorded(file).ifPresent(earlier -> {
            Optional<ProcessHandle> running = ProcessHandle.of(earlier.pid())
                    .filter(p -> startOf(p) == earlier.startedMillis());
            if (running.isPresent() && !running.get().equals(ProcessHandle.current())) {
                throw new StartRefused("Another ./devstack is running on " + options.dataDirectory() + ": "
                        + PortOwners.describe(running.get()) + ". Stop it first (kill " + earlier.pid() + ").");
            }
            if (running.isEmpty()) {
                stopLeftovers(earlier.pid(), options);
            }
        });
        requirePortsFree(options);
        return new LauncherClaim(file);
    }

    /** Writes the claim (after the data directory is prepared, which a fresh start empties). */
    LauncherClaim record() {
        ProcessHandle self = ProcessHandle.current();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, self.pid() + " " + startOf(self) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return this;
    }

    void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Devstack.log("Could not delete %s: %s", file, e.getMessage());
        }
    }

    private record Recorded(long pid, long startedMillis) {
    }

    private static Optional<Recorded> recorded(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] fields = Files.readString(file).trim().split("\\s+");
            return Optional.of(new Recorded(Long.parseLong(fields[0]), fields.length > 1 ? Long.parseLong(fields[1]) : 0));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static long startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Stops what a launcher that is gone left listening on the stack's ports: processes whose command line names
     * the data directory (the broker, PostgreSQL) or that it started ({@code GRASSROOTS_PARENT_PID} its pid).
     * Nothing of another, running launcher's is touched.
     */
    private static void stopLeftovers(long launcherPid, DevstackOptions options) {
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (int port : options.ports()) {
            PortOwners.listeningOn(port).filter(p -> wasStartedBy(p, launcherPid, options))
                    .filter(p -> !leftovers.contains(p)).ifPresent(leftovers::add);
        }
        if (leftovers.isEmpty()) {
            return;
        }
        Devstack.log("The run before this one (pid %d) ended without stopping; stopping what it left: %s", launcherPid,
                String.join(", ", leftovers.stream().map(PortOwners::describe).toList()));
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle leftover : leftovers) {
            try {
                leftover.onExit().get(LEFTOVER_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                leftover.destroyForcibly();
            }
        }
    }

    private static boolean wasStartedBy(ProcessHandle process, long launcherPid, DevstackOptions options) {
        return PortOwners.commandLine(process).contains(options.dataDirectory().toAbsolutePath().toString())
                || PortOwners.environment(process).contains(ParentWatchdog.PARENT_PID_ENV + "=" + launcherPid);
    }

    private static void requirePortsFree(DevstackOptions options) {
        List<Integer> taken = options.ports().stream().filter(port -> !PortOwners.isFree(port)).toList();
        if (taken.isEmpty()) {
            return;
        }
        int port = taken.getFirst();
        String owner = PortOwners.listeningOn(port).map(PortOwners::describe).orElse("another process");
        throw new StartRefused("Port " + port + " is taken by " + owner
                + (taken.size() > 1 ? " (and " + (taken.size() - 1) + " more of the stack's ports " + taken.subList(1,
                taken.size()) + ")" : "") + ". Stop it, or choose other ports (--port, --postgres-port, "
                + "--kafka-port; see --help).");
    }
}
