package org.grassroots.platform.infra;

/**
 * Ends this JVM when the process that launched it is gone, so a killed test run or local stack
 * leaves no orphaned broker or service behind.
 */
public final class ParentWatchdog {

    /** Environment variable carrying the pid to watch. */
    public static final String PARENT_PID_ENV = "GRASSROOTS_PARENT_PID";

    private ParentWatchdog() {
    }

    public static void watch(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                () -> Runtime.getRuntime().halt(3));
    }

    /** Watches the pid in {@link #PARENT_PID_ENV}, if set. */
    public static void watchFromEnvironment() {
        String pid = System.getenv(PARENT_PID_ENV);
        if (pid != null && !pid.isBlank()) {
            watch(Long.parseLong(pid.trim()));
        }
    }
}
