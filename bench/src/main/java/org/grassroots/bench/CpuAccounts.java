package org.grassroots.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by each part of the suite (user + system, from {@code /proc/<pid>/stat}), so a benchmark can say
 * where the CPU of an operation went: take a snapshot before and after and subtract. Processes are grouped by
 * their command line; PostgreSQL's backends are one group. Each process counts what it used between the
 * snapshots (all of it if it started meanwhile); one that exited meanwhile (an autovacuum worker) is left out,
 * with the CPU it used since the first snapshot (the suite's processes and pooled connections live through a
 * measurement).
 */
final class CpuAccounts {

    /** The groups, in report order; a process matches the first whose marker its command line contains. */
    static final List<String> GROUPS = List.of("members-service", "events-service", "elections-service",
            "webhooks-service", "gateway", "postgres members", "postgres events", "postgres elections",
            "postgres webhooks", "postgres other", "kafka", "benchmark");

    /**
     * Not groups but parts of each JVM service's CPU (already counted in its group), by the JVM's own threads: its
     * JIT compilers ("C1 CompilerThread0", ...) and its VM thread, where the serial collector collects (and the
     * JVM's other stop-the-world work runs). They show when a measurement paid for compiling or collecting rather
     * than for running the code.
     */
    private static final Map<String, List<String>> JVM_PARTS = Map.of(
            "JIT compilation", List.of("C1 CompilerThre", "C2 CompilerThre"),
            "GC (VM thread)", List.of("VM Thread"));

    private static final String PID = " pid ";

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on Linux

    private CpuAccounts() {
    }

    /**
     * CPU seconds used so far by each live process of the suite, keyed by its group and pid (and, for a JVM
     * service, by the parts of {@link #JVM_PARTS}, keyed "part: group"); empty where /proc is not there.
     */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String group = process.pid() == self ? "benchmark" : group(commandLine(process.pid()));
            if (group == null) {
                return;
            }
            String pid = PID + process.pid();
            seconds.put(group + pid, cpuSeconds(Path.of("/proc", Long.toString(process.pid()), "stat")));
            if (!group.startsWith("postgres") && !group.equals("kafka") && !group.equals("benchmark")) {
                JVM_PARTS.forEach((part, threadNames) ->
                        seconds.put(part + ": " + group + pid, threadsSeconds(process.pid(), threadNames)));
            }
        });
        return seconds;
    }

    /** What each group (and each part of a service's JVM) used from {@code before} to {@code after}. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        GROUPS.forEach(group -> used.put(group, 0.0));
        after.forEach((process, seconds) -> used.merge(process.substring(0, process.indexOf(PID)),
                seconds - before.getOrDefault(process, 0.0), Double::sum));
        return used;
    }

    /** One line: each group's CPU milliseconds per {@code units}, and the total. */
    static String perUnit(Map<String, Double> used, int units, int per) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> group : used.entrySet()) {
            if (!GROUPS.contains(group.getKey())) {
                continue;
            }
            double ms = group.getValue() * 1000 * per / units;
            total += ms;
            line.append(String.format("%s %.0f, ", group.getKey(), ms));
        }
        line.append(String.format("total %.0f", total));
        for (String part : JVM_PARTS.keySet().stream().sorted().toList()) {
            StringBuilder byService = new StringBuilder();
            used.forEach((key, seconds) -> {
                if (key.startsWith(part + ": ")) {
                    byService.append(byService.isEmpty() ? "" : ", ").append(String.format("%s %.0f",
                            key.substring(part.length() + 2), seconds * 1000 * per / units));
                }
            });
            if (!byService.isEmpty()) {
                line.append("; of which ").append(part).append(": ").append(byService);
            }
        }
        return line.toString();
    }

    private static String group(String commandLine) {
        if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres")) {
            // A backend's title is "postgres: <user> <database> <client> <state>".
            for (String database : List.of("members", "events", "elections", "webhooks")) {
                if (commandLine.matches("postgres: \\S+ " + database + " .*")) {
                    return "postgres " + database;
                }
            }
            return "postgres other";
        }
        if (commandLine.contains("KafkaBrokerMain")) {
            return "kafka";
        }
        for (String group : SuiteProcesses.PARTS) {
            if (commandLine.contains(group + "/target/")) {
                return group;
            }
        }
        return null;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** The CPU seconds of a process's threads whose names start with one of {@code names}. */
    private static double threadsSeconds(long pid, List<String> names) {
        double seconds = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String name = Files.readString(thread.resolve("comm")).trim();
                if (names.stream().anyMatch(name::startsWith)) {
                    seconds += cpuSeconds(thread.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return seconds; // the process or a thread ended meanwhile
        }
        return seconds;
    }

    private static double cpuSeconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
