package org.grassroots.bench;

import java.util.Optional;

import static org.grassroots.bench.ReportNumbers.count;
import static org.grassroots.bench.ReportNumbers.mb;
import static org.grassroots.bench.ReportNumbers.micros;
import static org.grassroots.bench.ReportNumbers.ms;
import static org.grassroots.bench.ReportNumbers.plain;
import static org.grassroots.bench.ReportNumbers.rate;
import static org.grassroots.bench.ReportNumbers.ratio;
import static org.grassroots.bench.ReportNumbers.resident;
import static org.grassroots.bench.ReportNumbers.seconds;
import static org.grassroots.bench.ReportNumbers.signedMs;
import static org.grassroots.bench.ReportTargets.GATEWAY_ADDED_P50_MS;
import static org.grassroots.bench.ReportTargets.GATEWAY_THROUGHPUT_RATIO;
import static org.grassroots.bench.ReportTargets.IMPORT_ROWS_PER_SECOND;
import static org.grassroots.bench.ReportTargets.LIGHT;
import static org.grassroots.bench.ReportTargets.PROPAGATION_P99_MS;
import static org.grassroots.bench.ReportTargets.READY_SECONDS;
import static org.grassroots.bench.ReportTargets.RESIDENT_MB;
import static org.grassroots.bench.ReportTargets.SATURATION;
import static org.grassroots.bench.ReportTargets.SEARCH_P99_MS;
import static org.grassroots.bench.ReportTargets.WEBHOOK_P99_MS;
import static org.grassroots.bench.ReportTargets.atLeast;
import static org.grassroots.bench.ReportTargets.atMost;

/**
 * The report's detailed sections, one per measurement, in the report's order: how it was measured, then its
 * table. A part that failed (null in the figures) gets a "Not measured" line instead, so the headings stay put.
 */
final class MeasurementSections {

    private static final String NOT_MEASURED = "Not measured: see the failed parts below.\n\n";

    private MeasurementSections() {
    }

    /** Each operation direct and through the gateway at each load, with the no-op endpoint as the reference. */
    static void loads(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Reads and writes per service, direct and through the gateway\n\n");
        if (f.loads == null) {
            md.append(NOT_MEASURED);
            return;
        }
        ServiceLoadBenchmark.Plan plan = f.sizes.plan();
        md.append("Closed-loop clients on keep-alive connections (a raw-socket load generator that costs almost no "
                + "CPU), ").append(LIGHT).append(" connections (light load) and ").append(SATURATION)
                .append(" (saturation). Per operation both paths are warmed up first; then per load ")
                .append(plan.rounds()).append(plan.rounds() == 1 ? " round" : " rounds")
                .append(", alternating direct and gateway, of ").append(plan.measure().toSeconds())
                .append(" s measured after ").append(plan.warmUp().toSeconds()).append(" s unmeasured. Reads: a "
                + "member with an admin token, a published event and a party without one (public). Writes: a new "
                + "member (new email; publishes `member.joined`, which both other services apply), an event draft, "
                + "an organisation (new slug). Latency in ms as the client sees it; CPU per request from the "
                + "processes' CPU time during the measurement. The reference is members-service's no-op liveness "
                + "endpoint measured the same way: what the framework does on this machine with no work.\n\n");
        md.append("| operation | conn. | direct req/s | direct p50 / p99 | gateway req/s | gateway p50 / p99 | "
                + "added p50 / p99 | gateway / direct req/s | direct / no-op req/s | CPU per request: gateway, "
                + "service |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int connections : plan.loads()) {
            Optional<LoadResult> reference = LoadPair.reference(f, connections);
            reference.ifPresent(r -> md.append("| _").append(r.operation()).append("_ | ").append(connections)
                    .append(" | ").append(count(r.throughput())).append(" | ").append(ms(r.p50())).append(" / ")
                    .append(ms(r.p99())).append(" | | | | | 1 | ").append(micros(r.serviceCpuMicros()))
                    .append(" (service) |\n"));
            for (String operation : LoadPair.operations(f)) {
                LoadPair.of(f, operation, connections).ifPresent(p -> md.append("| ").append(operation).append(" | ")
                        .append(connections).append(" | ").append(count(p.direct().throughput())).append(" | ")
                        .append(ms(p.direct().p50())).append(" / ").append(ms(p.direct().p99())).append(" | ")
                        .append(count(p.gateway().throughput())).append(" | ").append(ms(p.gateway().p50()))
                        .append(" / ").append(ms(p.gateway().p99())).append(" | ").append(signedMs(p.addedP50()))
                        .append(" / ").append(signedMs(p.addedP99())).append(" | ").append(ratio(p.ratio()))
                        .append(" | ").append(reference.map(r -> ratio(p.direct().throughput() / r.throughput()))
                                .orElse("")).append(" | ").append(micros(p.gateway().gatewayCpuMicros()))
                        .append(", ").append(micros(p.direct().serviceCpuMicros())).append(p.errors()).append(" |\n"));
            }
        }
        md.append("\nTargets: at ").append(LIGHT).append(" connections the gateway adds at most ")
                .append(plain(GATEWAY_ADDED_P50_MS)).append(" ms").append(" at p50; at ").append(SATURATION)
                .append(" connections its throughput is at least ").append(GATEWAY_THROUGHPUT_RATIO)
                .append(" of direct.\n\n");
    }

    /** From a committed write in members-service to the row in each projection, with Kafka alone as the reference. */
    static void propagation(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Propagation between services\n\n");
        if (f.propagation == null) {
            md.append(NOT_MEASURED);
            return;
        }
        PropagationBenchmark.Result p = f.propagation;
        md.append(count(p.writes())).append(" new members, one at a time (`POST /members` to members-service, "
                + "answered 201, so committed); from the answer to the member's row in each projection, which "
                + "the benchmark polls with JDBC every millisecond (so about 1 ms of resolution). The path: the "
                + "outbox relay publishes `member.joined` to Kafka, each service's consumer applies it in a "
                + "transaction with its inbox entry. The reference is Kafka alone on the same broker: one record at "
                + "a time from a producer (acks=all) to a consumer.\n\n");
        md.append("| path | p50 | p99 | max | target (p99) | verdict |\n|---|---|---|---|---|---|\n");
        propagationRow(md, "members-service write -> events-service projection", p.toEvents(), true);
        propagationRow(md, "members-service write -> elections-service projection", p.toElections(), true);
        propagationRow(md, "_reference: Kafka alone, producer -> consumer_", p.kafkaAlone(), false);
        md.append('\n');
    }

    private static void propagationRow(StringBuilder md, String path, Latencies l, boolean target) {
        md.append("| ").append(path).append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.p99()))
                .append(" | ").append(ms(l.percentileMillis(100))).append(" | ")
                .append(target ? "< " + plain(PROPAGATION_P99_MS) + " ms" : "").append(" | ")
                .append(target ? atMost(l.p99(), PROPAGATION_P99_MS, " ms") : "").append(" |\n");
    }

    /** Commit-to-delivery of webhooks at a steady write rate, per fan-out. */
    static void webhooks(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Webhook deliveries\n\n");
        if (f.webhooks == null) {
            md.append(NOT_MEASURED);
            return;
        }
        md.append(WebhookDeliveryBenchmark.ENDPOINTS).append(" endpoints registered through the gateway, all on one "
                + "HTTP receiver in the benchmark's JVM (answering 204); new members written to members-service at a "
                + "steady rate (open loop: a write starts every 1/rate s whatever the earlier ones take). Of the "
                + "endpoints, *fan-out* want `member.joined`, the others other types, so each write is that many "
                + "deliveries. Latency per delivery: from the write's 201 (committed) to the delivery's arrival: the "
                + "outbox relay, Kafka, webhooks-service's consumer making one message per endpoint, its dispatcher "
                + "signing and sending (a connection per attempt).\n\n");
        md.append("| fan-out | writes/s offered / reached | deliveries | p50 | p99 | max | target (p99) | verdict |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (WebhookDeliveryBenchmark.Run r : f.webhooks.runs()) {
            Latencies l = r.latencies();
            boolean all = r.delivered() >= r.expected();
            md.append("| ").append(r.fanOut()).append(" | ").append(r.eventsPerSecond()).append(" / ")
                    .append(count(r.writesPerSecond())).append(" | ").append(count(r.delivered())).append(" of ")
                    .append(count(r.expected())).append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.p99()))
                    .append(" | ").append(ms(l.percentileMillis(100))).append(" | < ").append(plain(WEBHOOK_P99_MS))
                    .append(" ms | ").append(all ? atMost(l.p99(), WEBHOOK_P99_MS, " ms") : "**missed**: not all "
                            + "delivered within 60 s of the last write").append(" |\n");
        }
        md.append('\n');
    }

    /** The CSV import: warm-ups, the measured file, the same file again, with PostgreSQL COPY as the reference. */
    static void memberImport(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Member import\n\n");
        if (f.memberImport == null) {
            md.append(NOT_MEASURED);
            return;
        }
        MemberImportBenchmark.Result r = f.memberImport;
        int rows = r.rows();
        md.append("A CSV of ").append(count(rows)).append(" generated people (`POST /members/imports` to "
                + "members-service, the job polled until completed) with the whole suite running, then the same "
                + "file again; each until the job completed, until the outbox was empty (every `member.joined` "
                + "and `member.state` published) and until events- and elections-service's projections held every "
                + "new person. Before them, ").append(r.warmUps().size()).append(" imports of ")
                .append(count(r.warmUps().get(0).rows())).append(" other people warm the JVMs up: the first one's figure "
                + "is what the first import after a start gets; the JIT compilers go on compiling the import's code "
                + "through the next ones (their CPU is given below each figure). The reference is PostgreSQL `COPY` "
                + "of the same file into a bare table (no indexes) in members-service's database.\n\n");
        md.append("| import | job completed | all events published | applied by both consumers | target | verdict |\n"
                + "|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.warmUps().size(); i++) {
            MemberImportBenchmark.Timed warmUp = r.warmUps().get(i);
            importRow(md, (i == 0 ? "first import after the start (" : "warm-up import " + (i + 1) + " (")
                    + count(warmUp.rows()) + " new people)", warmUp, false);
        }
        importRow(md, "new people", r.first(), true);
        importRow(md, "the same file again (every row found, unchanged)", r.again(), false);
        md.append("| _reference: PostgreSQL COPY_ | ").append(rate(rows, r.copySeconds())).append(" | | | | |\n\n");
        md.append("CPU per 1,000 rows until the events were published, by process (ms), with the part of it the "
                + "services' JIT compiler threads used:\n\n");
        for (int i = 0; i < r.warmUps().size(); i++) {
            md.append("- ").append(i == 0 ? "first import after the start" : "warm-up import " + (i + 1)).append(": ")
                    .append(r.warmUps().get(i).cpuPerThousandRows()).append('\n');
        }
        md.append("- new people: ").append(r.first().cpuPerThousandRows()).append('\n');
        md.append("- the same file again: ").append(r.again().cpuPerThousandRows()).append("\n\n");
        md.append("members-service's peak heap during the imports: ").append(count(r.peakHeapBytes() / (1024 * 1024)))
                .append(" MB (limit 256 MB). `./bench/member-import` also measures the import with events- and "
                + "elections-service stopped.\n\n");
    }

    private static void importRow(StringBuilder md, String what, MemberImportBenchmark.Timed t, boolean target) {
        md.append("| ").append(what).append(" | ").append(rate(t.rows(), t.imported())).append(" | ")
                .append(rate(t.rows(), t.published())).append(" | ")
                .append(Double.isNaN(t.applied()) ? "" : rate(t.rows(), t.applied())).append(" | ")
                .append(target ? ">= " + count(IMPORT_ROWS_PER_SECOND) + " rows/s" : "").append(" | ")
                .append(target ? atLeast(t.rowsPerSecond(t.published()), IMPORT_ROWS_PER_SECOND, " rows/s") : "")
                .append(" |\n");
    }

    /** Each kind of public event search, in events-service and through the gateway. */
    static void search(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Public event search\n\n");
        if (f.search == null) {
            md.append(NOT_MEASURED);
            return;
        }
        EventSearchBenchmark.Result s = f.search;
        md.append(count(s.events())).append(" events in the table (").append(count(s.published()))
                .append(" published; generated with SQL over 40 towns and 14 months), sequential anonymous requests: ")
                .append(count(s.warmUp())).append(" warm-up requests, then ").append(count(s.perKind()))
                .append(" per search to events-service and as many through the gateway.\n\n");
        md.append("| search | events-service p50 / p99 | gateway p50 / p99 | items |\n|---|---|---|---|\n");
        for (EventSearchBenchmark.Search search : s.searches()) {
            md.append("| ").append(search.kind()).append(" | ").append(ms(search.service().p50())).append(" / ")
                    .append(ms(search.service().p99())).append(" | ").append(ms(search.gateway().p50()))
                    .append(" / ").append(ms(search.gateway().p99())).append(" | ").append(search.items())
                    .append(" |\n");
        }
        md.append("| **all searches** | **").append(ms(s.allService().p50())).append(" / ")
                .append(ms(s.allService().p99())).append("** | | |\n\nTarget: p99 < ")
                .append(plain(SEARCH_P99_MS)).append(" ms in the service: ")
                .append(atMost(s.allService().p99(), SEARCH_P99_MS, " ms")).append(".\n\n");
    }

    /** Per JVM: time to ready (started with the rest, then alone) and resident memory at three points of the run. */
    static void startAndMemory(StringBuilder md, PerformanceReport.Figures f) {
        md.append("## Time to ready and resident memory\n\n");
        md.append("Time to ready: from the JVM's start to its own `/q/health/ready` answering 200, (a) when "
                + "`Devstack` starts the four JVMs together (with PostgreSQL and Kafka already up; four JVMs "
                + "starting on two cores), and (b) each restarted on its own while the rest of the suite runs idle. "
                + "The whole suite took ").append(seconds(f.suiteStartSeconds)).append(" from nothing to ready "
                + "with its demo data. Resident memory (`VmRSS`, and the peak `VmHWM` since the JVM started) from "
                + "`/proc`: idle just after the restarts, after the search and the read and write load, and at the "
                + "end of the run (after propagation and the import).\n\n");
        md.append("| part | ready, started together | ready, started alone | RSS idle | RSS after the load | "
                + "RSS at the end | peak RSS | targets: ready < ").append(plain(READY_SECONDS)).append(" s, RSS < ")
                .append(plain(RESIDENT_MB)).append(" MB |\n|---|---|---|---|---|---|---|---|\n");
        for (String part : SuiteProcesses.PARTS) {
            Double alone = f.readyAlone.get(part);
            SuiteProcesses.Memory end = f.memoryAtEnd == null ? null : f.memoryAtEnd.get(part);
            md.append("| ").append(part).append(" | ")
                    .append(f.readyTogether == null ? "" : seconds(f.readyTogether.get(part))).append(" | ")
                    .append(alone == null ? "" : seconds(alone)).append(" | ")
                    .append(resident(f.memoryIdle, part)).append(" | ").append(resident(f.memoryAfterLoad, part))
                    .append(" | ").append(resident(f.memoryAtEnd, part)).append(" | ")
                    .append(end == null ? "" : mb(end.peakMb())).append(" | ")
                    .append(alone == null ? "" : atMost(alone, READY_SECONDS, " s")).append("; ")
                    .append(end == null ? "" : atMost(end.peakMb(), RESIDENT_MB, " MB")).append(" |\n");
        }
        md.append('\n');
    }
}
