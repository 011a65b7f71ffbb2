package org.grassroots.bench;

import org.grassroots.devstack.Devstack;
import org.grassroots.devstack.DevstackOptions;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.FreePorts;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports N generated members (default 100,000) through members-service's CSV import and reports, side by side in
 * one run: rows/s until the job completed, until every event was published (outbox empty) and until events- and
 * elections-service had applied them, for (0) warm-up imports of other new people into the fresh suite (the first one's
 * figure is the cold one), (1) new people with the whole suite running, (2) the same file again (every row
 * found and unchanged), (3) other new people with events- and elections-service stopped; the CPU each part of the
 * suite used per 1,000 rows; members-service's peak heap; and plain PostgreSQL COPY of the same CSV into a bare
 * table as the reference.
 */
public final class MemberImportBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MemberImportBenchmark.class);
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\".*?} ([0-9.E+]+)");

    /**
     * One import of {@code rows}: seconds until the job completed, until the outbox was empty and until both
     * consumers' projections held every new person (NaN when they were stopped or nobody was new), the job's
     * answer, and the CPU seconds each part of the suite used until the events were published.
     */
    record Timed(int rows, double imported, double published, double applied, String job,
                 Map<String, Double> cpuSeconds) {

        /** CPU milliseconds per 1,000 rows, by part of the suite, until every event was published. */
        String cpuPerThousandRows() {
            return CpuAccounts.perUnit(cpuSeconds, rows, 1_000);
        }

        double rowsPerSecond(double seconds) {
            return rows / seconds;
        }
    }

    /**
     * The imports of one run: the warm-up files in order (the first is the cold figure), the measured ones
     * ({@code alone} is null when not measured), members-service's peak heap in bytes
     * and the seconds PostgreSQL's COPY took for the first file.
     */
    record Result(int rows, List<Timed> warmUps, Timed first, Timed again, Timed alone, long peakHeapBytes,
                  double copySeconds) {
    }

    /**
     * Rows imported before the measured import, unless given: three files as large as the measured one. The first
     * file's figure is the cold one (fresh JVMs). The JIT goes on compiling for a long time: the services' JIT
     * compiler threads used 78 CPU-ms per 1,000 rows in the first 100,000-row import, still 28-37 in the second
     * and 15 in the fourth (2026-11-22); after one warm-up file the measured figure was a JIT tail, not the
     * import.
     */
    static int warmUpRows(int rows) {
        return 3 * rows;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmUpRows = args.length > 1 ? Integer.parseInt(args[1]) : warmUpRows(rows);
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        try (Devstack stack = Devstack.start(new DevstackOptions(root, root.resolve("bench/target/devstack"), true,
                BenchPorts.freeBasePort(), FreePorts.next(), FreePorts.next()))) {
            Result result = run(stack, rows, warmUpRows, true);
            Timed first = result.first();
            Timed again = result.again();
            Timed alone = result.alone();
            StringBuilder warmUpLines = new StringBuilder();
            StringBuilder warmUpCpu = new StringBuilder();
            for (int i = 0; i < result.warmUps().size(); i++) {
                Timed warmUp = result.warmUps().get(i);
                String label = "0" + (char) ('a' + i) + ".";
                warmUpLines.append(line(label + " warm-up: " + warmUp.rows() + " new" + (i == 0 ? ", fresh JVMs" : ""),
                        warmUp)).append('\n');
                warmUpCpu.append("    ").append(label).append(' ').append(warmUp.cpuPerThousandRows()).append('\n');
            }
            String report = """

                    Member import benchmark, %,d rows per file (2 cores, one run, side by side)
                                                          job completed        all events published    applied by both consumers
                    %s%s
                    %s
                    %s
                      members-service peak heap   %,d MB (-Xmx256m)
                      reference: PostgreSQL COPY of file 1 into a bare table: %.2f s, %,.0f rows/s
                      CPU ms per 1,000 rows until published (from /proc, by process):
                    %s    1. %s
                        2. %s
                        3. %s
                      job 1: %s
                      job 2: %s
                    """.formatted(rows, warmUpLines,
                    line("1. new people, whole suite running", first),
                    line("2. the same file again (unchanged)", again),
                    line("3. new people, consumers stopped", alone),
                    result.peakHeapBytes() / (1024 * 1024), result.copySeconds(), rows / result.copySeconds(),
                    warmUpCpu, first.cpuPerThousandRows(), again.cpuPerThousandRows(),
                    alone.cpuPerThousandRows(), summary(first.job()), summary(again.job()));
            Path file = root.resolve("bench/target/member-import-report.txt");
            Files.writeString(file, report);
            LOG.info(report + "(also in " + file + ")");
        }
    }

    /**
     * Imports {@code rows} new people with the whole suite running, then the same file again, then (when
     * {@code alone}) as many other new people with events- and elections-service stopped, which leaves them
     * stopped; and COPY of the first file as the reference.
     */
    static Result run(Devstack stack, int rows, int warmUpRows, boolean alone) throws Exception {
        // People numbered from a per-run offset: the same suite may already hold an earlier run's.
        int offset = (int) (System.currentTimeMillis() / 1000 % 100_000) * 100;
        String csv = generate(rows, offset);
        String token = DevTokens.token("bench-admin", List.of("admin"), Duration.ofHours(1));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String members = stack.serviceUrl("members");
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(http, members, peakHeap));
        try {
            // The first imports of a fresh JVM also pay for compiling the import's code (several CPU-seconds
            // of JIT each): measured apart, so the figures below are those of a service that has been running.
            // In files no larger than the measured one (the request body has a size limit).
            List<Timed> warmUps = new ArrayList<>();
            for (int done = 0; done < warmUpRows; done += rows) {
                warmUps.add(importOnce(http, stack, token,
                        generate(Math.min(rows, warmUpRows - done), offset + 2 * rows + done), true));
            }
            Timed first = importOnce(http, stack, token, csv, true);
            Timed again = importOnce(http, stack, token, csv, true);
            Timed stopped = null;
            if (alone) {
                // The same work with the consumers of the other services stopped: on these 2 cores they otherwise
                // compete with the import for the CPU (their events wait in Kafka and are applied when they return).
                for (ProcessHandle consumer : stack.liveProcesses()) {
                    String command = consumer.info().commandLine().orElse("");
                    if (command.contains("events-service/") || command.contains("elections-service/")) {
                        consumer.destroy();
                        consumer.onExit().get();
                    }
                }
                stopped = importOnce(http, stack, token, generate(rows, offset + rows), false);
            }
            return new Result(rows, warmUps, first, again, stopped, peakHeap.get(), copyReference(stack.jdbcUrl("members"), csv));
        } finally {
            sampler.interrupt();
        }
    }

    private static String line(String what, Timed t) {
        return String.format("  %-38s %6.1f s %,8.0f rows/s  %6.1f s %,8.0f rows/s  %s", what, t.imported(),
                t.rowsPerSecond(t.imported()), t.published(), t.rowsPerSecond(t.published()),
                Double.isNaN(t.applied()) ? "-" : String.format("%6.1f s %,8.0f rows/s", t.applied(),
                        t.rowsPerSecond(t.applied())));
    }

    private static String summary(String job) {
        return job.replaceAll("\"errors\":\\[.*?]", "\"errors\":[...]");
    }

    private static Timed importOnce(HttpClient http, Devstack stack, String token, String csv,
                                    boolean consumersRunning) throws Exception {
        String members = stack.serviceUrl("members");
        int rows = (int) csv.lines().count() - 1;
        long eventsBefore = consumersRunning ? count(stack.jdbcUrl("events"), "select count(*) from member_projection") : 0;
        long electionsBefore = consumersRunning
                ? count(stack.jdbcUrl("elections"), "select count(*) from member_projection") : 0;
        Map<String, Double> cpuBefore = CpuAccounts.snapshot();
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(members + "/members/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String job = members + accepted.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElseThrow();
        String status;
        do {
            Thread.sleep(50);
            status = http.send(HttpRequest.newBuilder(URI.create(job)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } while (!status.contains("\"status\":\"completed\"") && !status.contains("\"status\":\"failed\""));
        double imported = seconds(start);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("members"), "postgres", "postgres")) {
            while (count(c, "select count(*) from outbox") > 0) {
                Thread.sleep(50);
            }
        }
        double published = seconds(start);
        Map<String, Double> cpu = CpuAccounts.used(cpuBefore, CpuAccounts.snapshot());
        double applied = Double.NaN;
        long created = createdCount(status);
        if (consumersRunning && created > 0) {
            while (count(stack.jdbcUrl("events"), "select count(*) from member_projection") < eventsBefore + created
                    || count(stack.jdbcUrl("elections"), "select count(*) from member_projection")
                    < electionsBefore + created) {
                Thread.sleep(50);
            }
            applied = seconds(start);
        }
        return new Timed(rows, imported, published, applied, status, cpu);
    }

    /** Rows of people numbered from {@code first}. */
    private static String generate(int rows, int first) {
        StringBuilder csv = new StringBuilder("givenName,familyName,email,phone,postcode,membershipType\n");
        String[] types = {"member", "supporter", "concessionary"};
        for (int i = first; i < first + rows; i++) {
            csv.append("Given").append(i).append(",Family").append(i).append(",person").append(i)
                    .append("@bench.example.org,07700 9").append(String.format("%05d", i % 100_000))
                    .append(",PL").append(1 + i % 9).append(" 1AA,").append(types[i % 3]).append('\n');
        }
        return csv.toString();
    }

    private static double copyReference(String jdbcUrl, String csv) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("create temporary table copy_reference (given_name text, family_name text, email text, "
                    + "phone text, postcode text, membership_type text)");
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy copy_reference from stdin with (format csv, header true)", new StringReader(csv));
            return seconds(start);
        }
    }

    private static void sampleHeap(HttpClient http, String service, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = HEAP.matcher(metrics);
                long used = 0;
                while (m.find()) {
                    used += (long) Double.parseDouble(m.group(1));
                }
                peak.accumulateAndGet(used, Math::max);
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample
            }
        }
    }

    private static long createdCount(String job) {
        Matcher created = Pattern.compile("\"created\":(\\d+)").matcher(job);
        return created.find() ? Long.parseLong(created.group(1)) : 0;
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
