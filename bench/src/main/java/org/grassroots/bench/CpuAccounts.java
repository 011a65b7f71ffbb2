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
 * their command line; PostgreSQL's backends are one group. A process that exits between two snapshots takes its
 * CPU with it (the suite's processes and pooled connections live through a measurement).
 */
final class CpuAccounts {

    /** The groups, in report order; a process matches the first whose marker its command line contains. */
    static final List<String> GROUPS = List.of("members-service", "events-service", "elections-service", "gateway",
            "postgres members", "postgres events", "postgres elections", "postgres other", "kafka", "benchmark");

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on Linux

    private CpuAccounts() {
    }

    /** CPU seconds used so far by each group's live processes; empty where /proc is not there. */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.forEach(group -> seconds.put(group, 0.0));
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String group = process.pid() == self ? "benchmark" : group(commandLine(process.pid()));
            if (group != null) {
                seconds.merge(group, cpuSeconds(process.pid()), Double::sum);
            }
        });
        return seconds;
    }

    /** {@code after - before} per group. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
        return used;
    }

    /** One line: each group's CPU milliseconds per {@code units}, and the total. */
    static String perUnit(Map<String, Double> used, int units, int per) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> group : used.entrySet()) {
            double ms = group.getValue() * 1000 * per / units;
            total += ms;
            line.append(String.format("%s %.0f, ", group.getKey(), ms));
        }
        return line.append(String.format("total %.0f", total)).toString();
    }

    private static String group(String commandLine) {
        if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres")) {
            // A backend's title is "postgres: <user> <database> <client> <state>".
            for (String database : List.of("members", "events", "elections")) {
                if (commandLine.matches("postgres: \\S+ " + database + " .*")) {
                    return "postgres " + database;
                }
            }
            return "postgres other";
        }
        if (commandLine.contains("KafkaBrokerMain")) {
            return "kafka";
        }
        for (String group : List.of("members-service", "events-service", "elections-service", "gateway")) {
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

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
