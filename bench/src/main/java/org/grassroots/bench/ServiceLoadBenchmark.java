package org.grassroots.bench;

import org.grassroots.devstack.Devstack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads and writes of each service, directly and through the gateway, at given loads, side by side in one run:
 * per operation a common warm-up of both paths, then per load {@code rounds} rounds alternating direct and
 * gateway (so drift on this noisy machine hits both), and the framework's no-op endpoint measured the same way
 * as the reference. After each write operation the suite is left to publish and apply the events it caused.
 */
final class ServiceLoadBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoadBenchmark.class);

    /**
     * One operation: {@code path} on {@code service} (members, events, elections), a GET, or a POST of a fresh
     * body per request when {@code bodies} is set.
     */
    record Operation(String name, String service, String path, String authorization, Supplier<String> bodies) {

        boolean write() {
            return bodies != null;
        }

        LoadGenerator.Target target(String baseUrl) {
            URI uri = URI.create(baseUrl + path);
            return write() ? LoadGenerator.Target.post(uri, authorization, bodies)
                    : LoadGenerator.Target.get(uri, authorization);
        }
    }

    /** How long and how often: warm-up before each measurement, measured time, rounds per load. */
    record Plan(int[] loads, Duration warmUp, Duration measure, int rounds) {
    }

    static final String NO_OP = "reference: no-op GET /q/health/live";

    private ServiceLoadBenchmark() {
    }

    /** The demo member read by an admin (an integration's or an organiser's typical read). */
    static Operation memberRead(Devstack stack, SuiteClient client) {
        UUID member = stack.demoMemberId().orElseThrow(() -> new IllegalStateException("no demo member"));
        return new Operation("members: GET /members/{id}", "members", "/members/" + member, client.adminBearer(),
                null);
    }

    /**
     * A read and a write for each service: reads of one record (a member with an admin token; a published event
     * and a party, public), writes an integration would make (a new member with a new email, an event draft, an
     * organisation with a new slug): unique per request so none is a conflict or an update.
     */
    static List<Operation> operations(Devstack stack, SuiteClient client) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String bearer = client.adminBearer();
        String branch = client.get(stack.serviceUrl("members") + "/branches?limit=1").path("items").path(0)
                .path("id").asText();
        String event = client.get(stack.serviceUrl("events") + "/events?limit=1").path("items").path(0)
                .path("id").asText();
        String party = client.post(stack.serviceUrl("elections") + "/parties",
                "{\"name\":\"Benchmark Party " + run + "\"}").path("id").asText();
        if (branch.isEmpty() || event.isEmpty() || party.isEmpty()) {
            throw new IllegalStateException("demo data missing: branch " + branch + ", event " + event);
        }
        AtomicLong members = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong organisations = new AtomicLong();
        return List.of(
                memberRead(stack, client),
                new Operation("members: POST /members", "members", "/members", bearer, () -> {
                    long n = members.incrementAndGet();
                    return "{\"givenName\":\"Bench\",\"familyName\":\"Writer" + n + "\",\"email\":\"bench-" + run + "-"
                            + n + "@bench.example.org\",\"postcode\":\"PL1 1AA\",\"origin\":\"benchmark\"}";
                }),
                new Operation("events: GET /events/{id} (public)", "events", "/events/" + event, null, null),
                new Operation("events: POST /events (draft)", "events", "/events", bearer, () ->
                        "{\"type\":\"meeting\",\"title\":\"Benchmark meeting " + events.incrementAndGet()
                                + "\",\"startsAt\":\"2027-03-01T18:00:00Z\",\"endsAt\":\"2027-03-01T20:00:00Z\","
                                + "\"location\":{\"venue\":\"Guildhall\",\"town\":\"Plymouth\",\"postcode\":\"PL1 2AA\"},"
                                + "\"branchId\":\"" + branch + "\"}"),
                new Operation("elections: GET /parties/{id} (public)", "elections", "/parties/" + party, null, null),
                new Operation("elections: POST /organisations", "elections", "/organisations", bearer, () -> {
                    long n = organisations.incrementAndGet();
                    return "{\"slug\":\"bench-" + run + "-" + n + "\",\"name\":\"Benchmark Parish Council " + n
                            + "\",\"organisationType\":\"parish-council\"}";
                }));
    }

    /** The no-op reference at each load (members-service's liveness check, no token), then each operation. */
    static List<LoadResult> measure(Devstack stack, SuiteClient client, List<Operation> operations, Plan plan,
                                    boolean withReference) throws Exception {
        ProcessHandle gateway = SuiteProcesses.process(stack, "gateway");
        List<LoadResult> results = new ArrayList<>();
        if (withReference) {
            ProcessHandle members = SuiteProcesses.process(stack, "members-service");
            LoadGenerator.Target noOp = LoadGenerator.Target.get(URI.create(stack.serviceUrl("members")
                    + "/q/health/live"), null);
            LoadGenerator.run(noOp, 16, plan.warmUp(), plan.warmUp(), null, members, new LoadGenerator.Measured());
            for (int connections : plan.loads()) {
                LoadGenerator.Measured reference = new LoadGenerator.Measured();
                LoadGenerator.run(noOp, connections, plan.warmUp(), plan.measure(), gateway, members, reference);
                results.add(log(reference.result(NO_OP, LoadResult.REFERENCE, connections)));
            }
        }
        for (Operation operation : operations) {
            ProcessHandle service = SuiteProcesses.process(stack, operation.service() + "-service");
            LoadGenerator.Target direct = operation.target(stack.serviceUrl(operation.service()));
            LoadGenerator.Target viaGateway = operation.target(stack.gatewayUrl());
            // Both paths warmed up first (JIT, pools), so the first measured round is not the compilers' time.
            for (LoadGenerator.Target target : List.of(direct, viaGateway)) {
                LoadGenerator.run(target, 16, plan.warmUp(), plan.warmUp(), gateway, service,
                        new LoadGenerator.Measured());
            }
            for (int connections : plan.loads()) {
                LoadGenerator.Measured viaDirect = new LoadGenerator.Measured();
                LoadGenerator.Measured throughGateway = new LoadGenerator.Measured();
                for (int round = 0; round < plan.rounds(); round++) {
                    LoadGenerator.run(direct, connections, plan.warmUp(), plan.measure(), gateway, service, viaDirect);
                    LoadGenerator.run(viaGateway, connections, plan.warmUp(), plan.measure(), gateway, service,
                            throughGateway);
                }
                results.add(log(viaDirect.result(operation.name(), LoadResult.DIRECT, connections)));
                results.add(log(throughGateway.result(operation.name(), LoadResult.GATEWAY, connections)));
            }
            if (operation.write() && !client.settle(Duration.ofMinutes(3))) {
                LOG.info("[bench] the suite had not caught up with " + operation.name()
                        + " after 3 minutes; going on");
            }
        }
        return results;
    }

    private static LoadResult log(LoadResult r) {
        LOG.info(String.format(Locale.ROOT, "[bench] %-40s %-9s %3d conn  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s",
                r.operation(), r.path(), r.connections(), r.throughput(), r.p50(), r.p99(),
                r.errors() == 0 ? "" : "  (" + r.errors() + " errors)"));
        return r;
    }
}
