package org.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.grassroots.devstack.Devstack;
import org.grassroots.devstack.DevstackOptions;
import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.FreePorts;
import org.grassroots.testing.EventCatalogue;
import org.grassroots.testing.PersonalDataScan;
import org.grassroots.testing.contract.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole suite, started as the local run starts it (every service and the gateway in its own JVM from the
 * built jars, embedded PostgreSQL, a Kafka broker), driven only through the gateway's HTTP API and the Kafka
 * topics; the databases are only read, to prove what was kept, lost, duplicated or leaked. One start is shared
 * by the phases, in order: the scenario, the events on the topics, hostile input, faults, replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSuiteIT {

    private static final List<String> DATABASES = List.of("members", "events", "elections", "webhooks", "gateway");
    private static final List<String> SERVICE_DATABASES = List.of("members", "events", "elections", "webhooks");

    private final Report report = new Report();
    private final String admin = DevTokens.token("system-test-admin", List.of("admin"), Duration.ofHours(2));
    private final EventCatalogue catalogue = EventCatalogue.load();
    private DevstackOptions options;
    private Devstack stack;
    private Gateway gateway;
    private Projections projections;
    private Scenario scenario;
    private WebhookDeliveries webhooks;
    private Instant phaseStart;

    @BeforeAll
    void startTheSuite() {
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        // The hostile batch sends well over the per-address rate limit in a minute: the limit is not under test.
        options = new DevstackOptions(root, root.resolve("system-tests/target/suite"), true, FreePorts.consecutive(1 + Devstack.SERVICES.size()),
                FreePorts.next(), FreePorts.next(), Map.of("RATE_LIMIT_PER_ADDRESS", "0"));
        Instant start = Instant.now();
        stack = Devstack.start(options);
        report.phase("suite start", Duration.between(start, Instant.now()).toSeconds());
        gateway = new Gateway(stack.gatewayUrl(), report, OpenApiContract.servedBy(stack.gatewayUrl()));
        projections = new Projections(stack::jdbcUrl);
        scenario = new Scenario(gateway, report, admin, projections);
        webhooks = WebhookDeliveries.register(gateway, admin, report);
    }

    @AfterAll
    void stopTheSuiteAndReport() {
        if (stack != null) {
            stack.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        report.write(Path.of("target/system-test-report.md").toAbsolutePath());
    }

    @Test
    @Order(1)
    void theScenarioEndToEnd() throws Exception {
        phase("scenario", () -> {
            scenario.weekendOfActionRollUpAddsUp();
            scenario.partyAndBranches();
            scenario.membersAndSupportersJoinWithConsent();
            scenario.weekendRsvpCheckInAndFeedbackShowInTheRollUp();
            scenario.manchesterConferenceWithSpeakers();
            scenario.councillorCrossesTheFloor();
            scenario.localElections2022();
            scenario.erasureRequest();
            report.check(Scenario.PHASE, "every projection matches its source (members in events-service and "
                    + "elections-service, office-holder links in members-service)",
                    projections.awaitConverged(Duration.ofSeconds(20)));
            List<String> copies = new ArrayList<>();
            for (String service : SERVICE_DATABASES) {
                try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres")) {
                    PersonalDataScan.find(c, scenario.erasedNeedles).forEach(found -> copies.add(service + ": " + found));
                }
            }
            report.check(Scenario.PHASE, "after the erasure no database holds the person's email, names or phone",
                    copies);
        });
    }

    @Test
    @Order(2)
    void everyEventOnTheTopicsMatchesTheCatalogueAndNoneIsMissing() throws Exception {
        phase("events", () -> {
            TopicLedger ledger = TopicLedger.read(stack.kafkaBootstrapServers());
            ledger.countsByType().forEach((topic, types) -> types.forEach((type, n) -> report.events(topic, type, n)));
            report.check("events", "all " + ledger.size() + " records on the 4 topics match the events catalogue "
                    + "(channel, type, CloudEvents headers, key, payload schema)", ledger.violations(catalogue));
            Set<String> expected = Set.of(EventTypes.MEMBER_JOINED, EventTypes.MEMBER_CONSENT_CHANGED,
                    EventTypes.MEMBER_ERASED, EventTypes.MEMBER_STATE, EventTypes.OFFICE_HOLDER_JOINED,
                    EventTypes.OFFICE_HOLDER_CHANGED_PARTY, EventTypes.EVENT_SCHEDULED,
                    EventTypes.EVENT_ATTENDANCE_RECORDED, EventTypes.EVENT_FEEDBACK_RECORDED);
            Set<String> seen = new HashSet<>();
            ledger.countsByType().values().forEach(types -> seen.addAll(types.keySet()));
            report.check("events", "the scenario published every kind of event it caused",
                    expected.stream().filter(t -> !seen.contains(t)).map(t -> t + " never published").toList());
            Set<String> joinedOnTopic = new HashSet<>(ledger.values(Topics.MEMBERS, EventTypes.MEMBER_JOINED, "memberId"));
            List<String> lost = scenario.joined.stream().filter(id -> !joinedOnTopic.contains(id))
                    .map(id -> "member.joined.v1 of " + id + " lost").toList();
            report.check("events", "every member who joined in the scenario has a member.joined.v1 on "
                    + Topics.MEMBERS, lost);
            report.check("events", "the erasure is published",
                    ledger.values(Topics.MEMBERS, EventTypes.MEMBER_ERASED, "memberId").contains(scenario.erasedMemberId),
                    "no member.erased.v1 for " + scenario.erasedMemberId);
            Map<String, Integer> again = ledger.republished();
            report.note("Events published more than once (the outbox relay is at-least-once; consumers' inboxes "
                    + "skip copies) after the scenario: " + again.size());
        });
    }

    @Test
    @Order(3)
    void hostileInputIsRefusedWithProblemsAndChangesNothing() throws Exception {
        phase("hostile input", () -> {
            JsonNode document = gateway.get("openapi", "/q/openapi?format=json", null).json();
            HostileRequests generator = new HostileRequests(document);
            List<HostileRequests.Hostile> batch = generator.generate();
            DatabaseSnapshot before = DatabaseSnapshot.take(DatabaseSnapshot.urls(DATABASES, stack::jdbcUrl), Set.of());
            Map<String, Integer> topicsBefore = TopicLedger.read(stack.kafkaBootstrapServers()).sizes();
            List<String> serverErrors = new ArrayList<>();
            List<String> notProblems = new ArrayList<>();
            List<String> accepted = new ArrayList<>();
            Map<String, Integer> byKind = new TreeMap<>();
            List<String> noAnswer = new ArrayList<>();
            List<String> retried = new ArrayList<>();
            for (HostileRequests.Hostile h : batch) {
                Map<String, String> headers = new java.util.HashMap<>(h.headers());
                String token = h.authenticated() && !headers.containsKey("Authorization") ? admin : null;
                Gateway.Answer answer;
                try {
                    answer = gateway.send("hostile: " + h.kind(), h.method(), h.path(), token, h.contentType(),
                            h.body(), headers);
                } catch (java.io.UncheckedIOException e) {
                    // Once more on a new connection, as HTTP clients do when a kept-alive connection turns out closed.
                    retried.add(h.describe() + " (" + e.getCause().getMessage() + ")");
                    try {
                        answer = gateway.sendOnFreshConnection("hostile: " + h.kind(), h.method(), h.path(), token,
                                h.contentType(), h.body(), headers);
                    } catch (java.io.UncheckedIOException again) {
                        noAnswer.add(h.describe() + " -> no answer, twice (" + again.getCause() + ")");
                        continue;
                    }
                }
                byKind.merge(h.kind(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    serverErrors.add(h.describe() + " -> " + answer.status() + " " + abbreviate(answer.body()));
                }
                if (answer.status() >= 400 && !answer.isProblem()) {
                    notProblems.add(h.describe() + " -> " + answer.status() + " as '" + answer.contentType() + "'");
                }
                if (h.mustBeRefused() && answer.status() < 400) {
                    accepted.add(h.describe() + " -> " + answer.status() + " " + abbreviate(answer.body()));
                }
            }
            report.note("Hostile batch: " + batch.size() + " requests over " + generator.operations().size()
                    + " operations of the merged OpenAPI document, by kind " + byKind);
            report.check("hostile input", "at least 1,000 hostile requests across every operation",
                    batch.size() >= 1000, "only " + batch.size());
            report.check("hostile input", "no 5xx answer", serverErrors);
            report.check("hostile input", "every request gets an answer (at most one retry on a new connection)",
                    noAnswer);
            report.note("Hostile requests retried on a new connection after the first got no answer: " + retried.size()
                    + (retried.isEmpty() ? "" : " " + retried));
            report.check("hostile input", "every refusal is application/problem+json", notProblems);
            report.check("hostile input", "every hostile write is refused", accepted);
            DatabaseSnapshot after = DatabaseSnapshot.take(DatabaseSnapshot.urls(DATABASES, stack::jdbcUrl), Set.of());
            report.check("hostile input", "no row of the " + before.tables().size() + " tables in " + DATABASES.size() + " databases changed",
                    before.differencesTo(after));
            Map<String, Integer> topicsAfter = TopicLedger.read(stack.kafkaBootstrapServers()).sizes();
            report.check("hostile input", "no event was published", topicsBefore.equals(topicsAfter) ? List.of()
                    : List.of("records per topic " + topicsBefore + " -> " + topicsAfter));
        });
    }

    @Test
    @Order(4)
    void aKafkaRestartDuringABurstOfWritesLosesAndDuplicatesNothing() throws Exception {
        phase("fault: Kafka restart", () -> {
            int total = 400; // at most: the writer stops 10 writes after the broker is back
            java.util.concurrent.atomic.AtomicBoolean brokerBack = new java.util.concurrent.atomic.AtomicBoolean();
            AtomicInteger afterBack = new AtomicInteger();
            List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> burst = writer.submit(() -> {
                for (int i = 0; i < total && afterBack.get() < 10; i++) {
                    if (brokerBack.get()) {
                        afterBack.incrementAndGet();
                    }
                    Gateway.Answer answer = gateway.post("fault: burst during Kafka restart", "/members", admin, """
                            {"givenName":"Burst","familyName":"Writer %d","email":"burst.%s@example.org","membershipType":"supporter"}"""
                            .formatted(i, UUID.randomUUID()));
                    sent.incrementAndGet();
                    pause(40); // a steady stream rather than a flood: writes before, during and after the outage
                    if (answer.status() == 201) {
                        created.add(answer.id());
                    } else {
                        failed.add("write " + i + " -> " + answer.status() + " " + abbreviate(answer.body()));
                    }
                }
            });
            Scenario.await(() -> sent.get() >= 15, Duration.ofSeconds(60));
            stack.stopKafka();
            report.fault("Kafka broker stopped after " + sent.get() + " member writes");
            int whileDown = sent.get();
            Thread.sleep(3000);
            stack.startKafka();
            brokerBack.set(true);
            report.fault("Kafka broker restarted (same port and data); " + (sent.get() - whileDown)
                    + " member writes while it was away");
            burst.get(5, TimeUnit.MINUTES);
            writer.shutdown();
            report.check("fault: Kafka restart", "every write during the broker's absence is accepted", failed);
            awaitConvergedAndNothingLost("fault: Kafka restart", created);
            report.check("fault: Kafka restart", "every member written around the broker's absence reaches the webhook "
                    + "receiver (verified with the Standard Webhooks library)",
                    webhooks.awaitDelivered(created, Duration.ofSeconds(60)));
        });
    }

    @Test
    @Order(5)
    void servicesStoppedWhileConsumingCatchUpWithoutLossOrDuplicates() throws Exception {
        phase("fault: services stopped while consuming", () -> {
            StringBuilder csv = new StringBuilder("givenName,familyName,email,membershipType\n");
            String batch = UUID.randomUUID().toString().substring(0, 8);
            int rows = 300;
            for (int i = 0; i < rows; i++) {
                csv.append("Imported,Person ").append(i).append(",imported.").append(batch).append('.').append(i)
                        .append("@example.org,supporter\n");
            }
            Gateway.Answer job = gateway.send("fault: import while consumers stop", "POST", "/members/imports", admin,
                    "text/csv", csv.toString(), Map.of());
            report.check("fault: services stopped while consuming", "the import is accepted", job.status() == 202,
                    "import -> " + job.status() + " " + job.body());
            String jobPath = job.response().headers().firstValue("Location").map(l -> l.substring(l.indexOf("/members/")))
                    .orElse("/members/imports/" + job.id());
            // events-service dies mid-stream (SIGKILL: no clean shutdown); elections-service is stopped cleanly.
            Thread.sleep(300);
            stack.killService("events");
            report.fault("events-service killed (SIGKILL) while consuming an import of " + rows + " members");
            stack.stopService("elections");
            report.fault("elections-service stopped (SIGTERM) while consuming the same import");
            stack.killService("webhooks");
            report.fault("webhooks-service killed (SIGKILL) while delivering the same import");
            boolean done = Scenario.await(() -> gateway.get("fault: import while consumers stop", jobPath, admin)
                    .body().contains("\"completed\""), Duration.ofSeconds(60));
            JsonNode result = gateway.get("fault: import while consumers stop", jobPath, admin).json();
            report.check("fault: services stopped while consuming", "the import completes with every row created",
                    done && result.path("created").asInt() == rows, "import job: " + result);
            stack.startService("events", "elections", "webhooks");
            report.fault("events-service, elections-service and webhooks-service started again");
            List<String> ids = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("members"), "postgres", "postgres");
                 var s = c.createStatement();
                 var rs = s.executeQuery("select id from member where email like 'imported." + batch + ".%'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            report.check("fault: services stopped while consuming", "members-service holds each imported person once",
                    ids.size() == rows, ids.size() + " rows for " + rows + " people");
            awaitConvergedAndNothingLost("fault: services stopped while consuming", ids);
            report.check("fault: services stopped while consuming", "every imported member reaches the webhook "
                    + "receiver although webhooks-service was killed mid-burst (verified with the Standard Webhooks "
                    + "library)", webhooks.awaitDelivered(ids, Duration.ofSeconds(120)));
            report.check(WebhookDeliveries.PHASE, "every delivery of the run verifies with the endpoint's secret",
                    webhooks.unverified());
            report.note("Webhook receiver: " + webhooks.summary());
            webhooks.unregister(report);
        });
    }

    @Test
    @Order(6)
    void anImportCutShortByARestartOfMembersServiceGoesOnWithEveryRowOnce() throws Exception {
        String phase = "fault: members-service restarted during an import";
        phase(phase, () -> {
            String batch = UUID.randomUUID().toString().substring(0, 8);
            int rows = 40_000;
            StringBuilder csv = new StringBuilder("givenName,familyName,email,membershipType\n");
            for (int i = 0; i < rows; i++) {
                csv.append("Restarted,Import ").append(i).append(",restarted.").append(batch).append('.').append(i)
                        .append("@example.org,supporter\n");
            }
            Gateway.Answer job = gateway.send(phase, "POST", "/members/imports", admin, "text/csv", csv.toString(),
                    Map.of());
            report.check(phase, "the import is accepted", job.status() == 202, "import -> " + job.status());
            String jobId = job.json().path("id").asText();
            String jobPath = "/members/imports/" + jobId;
            // Stopped as a deployment stops it (SIGTERM), once the job has recorded some rows but not all.
            Scenario.await(() -> jobRow(jobId, "processed") > 0, Duration.ofSeconds(60));
            stack.stopService("members");
            long atStop = jobRow(jobId, "processed");
            report.fault("members-service stopped (SIGTERM) with the import at row " + atStop + " of " + rows);
            report.check(phase, "the service stopped while the import was under way", atStop > 0 && atStop < rows,
                    atStop + " of " + rows + " rows recorded when it stopped");
            stack.startService("members");
            report.fault("members-service started again");
            boolean done = Scenario.await(() -> gateway.get(phase, jobPath, admin).body().contains("\"completed\""),
                    Duration.ofSeconds(120));
            JsonNode result = gateway.get(phase, jobPath, admin).json();
            report.check(phase, "the new instance takes the import over and completes it, every row created once",
                    done && result.path("processed").asInt() == rows && result.path("created").asInt() == rows
                            && result.path("unchanged").asInt() == 0, "import job: " + result);
            List<String> ids = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("members"), "postgres", "postgres");
                 var s = c.createStatement();
                 var rs = s.executeQuery("select id from member where email like 'restarted." + batch + ".%'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            report.check(phase, "members-service holds each imported person once", ids.size() == rows,
                    ids.size() + " rows for " + rows + " people");
            report.check(phase, "the ended job's file (personal data) is not kept",
                    jobRow(jobId, "(select count(*) from import_file f where f.job_id = j.id)") == 0,
                    "import_file still holds the job's file");
            awaitConvergedAndNothingLost(phase, ids);
        });
    }

    /** One figure of an import job, read from members-service's database (the service may be down). */
    private long jobRow(String jobId, String expression) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("members"), "postgres", "postgres");
             var ps = c.prepareStatement("select " + expression + " from import_job j where j.id = ?::uuid")) {
            ps.setString(1, jobId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(7)
    void aRestartOfTheWholeSuiteKeepsEverything() throws Exception {
        phase("fault: whole suite restart", () -> {
            Set<String> volatileTables = Set.of("gateway.api_key"); // every start makes the demo read-only key
            DatabaseSnapshot before = DatabaseSnapshot.take(DatabaseSnapshot.urls(DATABASES, stack::jdbcUrl), volatileTables);
            Map<String, Integer> topicsBefore = TopicLedger.read(stack.kafkaBootstrapServers()).sizes();
            stack.close();
            report.fault("whole suite stopped (gateway, services, Kafka, PostgreSQL)");
            Instant start = Instant.now();
            stack = Devstack.start(options.withFresh(false));
            report.fault("whole suite started again on its data in " + Duration.between(start, Instant.now()).toSeconds() + " s");
            gateway.url(stack.gatewayUrl());
            DatabaseSnapshot after = DatabaseSnapshot.take(DatabaseSnapshot.urls(DATABASES, stack::jdbcUrl), volatileTables);
            report.check("fault: whole suite restart", "every table (" + before.tables().size() + ", "
                    + before.totalRows() + " rows) is as it was", before.differencesTo(after));
            Map<String, Integer> topicsAfter = TopicLedger.read(stack.kafkaBootstrapServers()).sizes();
            List<String> shrunk = new ArrayList<>();
            topicsBefore.forEach((topic, n) -> {
                if (topicsAfter.getOrDefault(topic, 0) < n && !topic.equals(Topics.MEMBER_STATE)) {
                    shrunk.add(topic + ": " + n + " -> " + topicsAfter.get(topic) + " records");
                }
            });
            report.check("fault: whole suite restart", "no topic lost records", shrunk);
            Gateway.Answer after1 = gateway.post("fault: whole suite restart", "/members", admin, """
                    {"givenName":"After","familyName":"Restart","email":"after.restart.%s@example.org"}""".formatted(UUID.randomUUID()));
            report.check("fault: whole suite restart", "a write after the restart is accepted", after1.status() == 201,
                    "-> " + after1.status());
            awaitConvergedAndNothingLost("fault: whole suite restart", List.of(after1.id()));
        });
    }

    @Test
    @Order(8)
    void consumingEveryTopicAgainFromTheBeginningChangesNothing() throws Exception {
        phase("replay", () -> {
            try (ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers())) {
                report.check("replay", "every consumer group is up to date before the replay",
                        groups.awaitNoLag(Duration.ofSeconds(60)).entrySet().stream()
                                .map(e -> e.getKey() + " is " + e.getValue() + " records behind").toList());
                DatabaseSnapshot before = DatabaseSnapshot.take(DatabaseSnapshot.urls(SERVICE_DATABASES, stack::jdbcUrl), Set.of());
                for (String service : Devstack.SERVICES) {
                    stack.stopService(service);
                }
                report.fault(Devstack.SERVICES + " services stopped for the replay");
                List<String> names = groups.groups();
                int partitions = groups.resetToEarliest();
                report.fault("consumer groups " + names + " reset to the beginning (" + partitions + " partitions)");
                stack.startService(Devstack.SERVICES.toArray(String[]::new));
                report.fault("the services started again to consume every topic from the beginning");
                Map<String, Long> behind = groups.awaitNoLag(Duration.ofSeconds(120));
                report.check("replay", "every consumer group has consumed every topic again",
                        behind.entrySet().stream().map(e -> e.getKey() + " still " + e.getValue() + " behind").toList());
                DatabaseSnapshot after = DatabaseSnapshot.take(DatabaseSnapshot.urls(SERVICE_DATABASES, stack::jdbcUrl), Set.of());
                report.check("replay", "no row of the " + before.tables().size() + " service tables ("
                        + before.totalRows() + " rows) changed", before.differencesTo(after));
                report.check("replay", "every projection still matches its source", projections.differences());
                report.check("replay", "every consumer applied every event on its topic exactly once (inbox against topic)",
                        inboxAgainstTopics(TopicLedger.read(stack.kafkaBootstrapServers())));
            }
        });
    }

    /** Waits until every projection matches its source, and names what was lost or left over if not. */
    private void awaitConvergedAndNothingLost(String phase, List<String> createdIds) throws Exception {
        List<String> differences = projections.awaitConverged(Duration.ofSeconds(60));
        report.check(phase, "every projection converges to its source (" + projections.counts() + ")", differences);
        try (ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers())) {
            report.check(phase, "no consumer group is left behind", groups.awaitNoLag(Duration.ofSeconds(60))
                    .entrySet().stream().map(e -> e.getKey() + " is " + e.getValue() + " records behind").toList());
        }
        TopicLedger ledger = TopicLedger.read(stack.kafkaBootstrapServers());
        Set<String> onTopic = new HashSet<>(ledger.values(Topics.MEMBERS, EventTypes.MEMBER_JOINED, "memberId"));
        report.check(phase, "each of the " + createdIds.size() + " new members' member.joined.v1 is on the topic",
                createdIds.stream().filter(id -> !onTopic.contains(id)).map(id -> "member.joined.v1 of " + id + " lost").toList());
        report.check(phase, "the topics still match the catalogue", ledger.violations(catalogue));
        report.check(phase, "every consumer applied every event on its topic exactly once (inbox against topic)",
                inboxAgainstTopics(ledger));
        for (String service : List.of("events", "elections", "members")) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
                 var s = c.createStatement();
                 var rs = s.executeQuery("select coalesce(sum(message_count), 0) from outbox")) {
                rs.next();
                long waiting = rs.getLong(1);
                if (waiting > 0 && !Scenario.await(() -> outboxEmpty(service), Duration.ofSeconds(30))) {
                    report.check(phase, service + "-service's outbox is drained", false,
                            waiting + " events never published from " + service + "-service's outbox");
                }
            }
        }
        report.note(phase + ": " + ledger.republished().size() + " event ids on the topics more than once so far "
                + "(at-least-once publishing; applied once through the inboxes)");
    }

    /**
     * Each consumer's inbox (the events it applied, one row per event id) against the distinct event ids on the
     * topic it reads: an id missing from the inbox was lost to that consumer, an inbox id not on the topic was
     * applied from nowhere. Copies on the topic are allowed (at-least-once); the primary key keeps one row each.
     */
    private List<String> inboxAgainstTopics(TopicLedger ledger) throws Exception {
        List<String> wrong = new ArrayList<>();
        record Consumer(String service, String name, List<String> topics) {
        }
        List<Consumer> consumers = List.of(new Consumer("events", "member-projection", List.of(Topics.MEMBERS)),
                new Consumer("elections", "member-standing", List.of(Topics.MEMBERS)),
                new Consumer("members", "councillor-role", List.of(Topics.OFFICE_HOLDERS)),
                new Consumer("webhooks", "webhook-messages", List.of(Topics.MEMBERS, Topics.EVENTS, Topics.OFFICE_HOLDERS)));
        for (Consumer consumer : consumers) {
            Set<String> applied = new HashSet<>();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(consumer.service()), "postgres", "postgres");
                 var ps = c.prepareStatement("select event_id from inbox where consumer = ?")) {
                ps.setString(1, consumer.name());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
            }
            Set<String> onTopics = new HashSet<>();
            consumer.topics().forEach(topic -> onTopics.addAll(ledger.eventIds(topic)));
            List<String> lost = onTopics.stream().filter(id -> !applied.contains(id)).sorted().toList();
            List<String> unknown = applied.stream().filter(id -> !onTopics.contains(id)).sorted().toList();
            if (!lost.isEmpty()) {
                wrong.add(consumer.service() + "-service " + consumer.name() + ": " + lost.size() + " events on "
                        + consumer.topics() + " never applied: " + lost.subList(0, Math.min(10, lost.size())));
            }
            if (!unknown.isEmpty()) {
                wrong.add(consumer.service() + "-service " + consumer.name() + ": " + unknown.size()
                        + " applied events not on " + consumer.topics() + ": "
                        + unknown.subList(0, Math.min(10, unknown.size())));
            }
        }
        return wrong;
    }

    private boolean outboxEmpty(String service) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
             var s = c.createStatement();
             var rs = s.executeQuery("select coalesce(sum(message_count), 0) from outbox")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) throws Exception {
        phaseStart = Instant.now();
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            report.failed(name, e);
            throw e;
        } finally {
            report.phase(name, Duration.between(phaseStart, Instant.now()).toSeconds());
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    @Test
    @Order(9)
    void aClientGeneratedFromTheDocumentJoinsRsvpsDeclaresAResultAndReadsTheRollUp() throws Exception {
        phase(GeneratedClientScenario.PHASE, () -> report.check(GeneratedClientScenario.PHASE,
                "join, RSVP, declare a result and read the roll-up through the client generated from the document",
                new GeneratedClientScenario(stack.gatewayUrl(), admin, gateway.contract()).run()));
    }

    @Test
    @Order(10)
    void everyoneErasedLeavesNothingInAnyDatabaseTopicOrLogAndTheirKeysReplayNothing() throws Exception {
        phase(ErasureAcceptance.PHASE, () -> new ErasureAcceptance(gateway, report, admin, stack::jdbcUrl,
                stack.kafkaBootstrapServers(), options.dataDirectory().resolve("logs"),
                scenario.stallEventTimeslotAndQuestion()).run());
    }

    @Test
    @Order(11)
    void aSubjectAccessExportHoldsWhatEveryServiceKnowsOfThePerson() throws Exception {
        String phase = "subject-access export";
        phase(phase, () -> {
            String person = scenario.candidateMemberId;
            String email = gateway.get(phase, "/members/" + person, admin).json().path("email").asText();
            List<String> stall = scenario.stallEventTimeslotAndQuestion();
            // Copies under their address, kept without their member id.
            Gateway.expect(201, gateway.post(phase, "/events/" + stall.get(0) + "/timeslots/" + stall.get(1) + "/rsvps",
                    null, """
                    {"givenName":"Precious","familyName":"Adeyemi","email":"%s","consent":true}"""
                            .formatted(email.toUpperCase())), "a public RSVP under their address");
            Gateway.expect(201, gateway.post(phase, "/events/" + stall.get(0) + "/feedback", admin, """
                    {"questionId":"%s","timeslotId":"%s","answer":"Fix the roads","topics":["public-ownership"],
                     "contact":{"consent":true,"name":"Precious Adeyemi","email":"%s"}}"""
                    .formatted(stall.get(2), stall.get(1), email)), "feedback with their address");
            String own = DevTokens.token(person, List.of("member"), Duration.ofMinutes(5));
            JsonNode export = Gateway.expect(200, gateway.get(phase, "/members/" + person + "/export", own),
                    "their own export").json();
            report.check(phase, "the export covers all three services", export.path("sources").toString()
                    .equals("[\"members-service\",\"events-service\",\"elections-service\"]"), export.path("sources").toString());
            report.check(phase, "it holds their public RSVP and feedback contact from events-service",
                    export.path("events").path("rsvps").size() >= 1
                            && export.path("events").path("feedbackContacts").size() >= 1, export.path("events").toString());
            report.check(phase, "it holds their candidacy and office-holding from elections-service",
                    export.path("elections").path("candidacies").size() >= 1
                            && export.path("elections").path("officeHoldings").size() >= 1,
                    export.path("elections").toString());
            String someoneElse = DevTokens.token(UUID.randomUUID().toString(), List.of("member"), Duration.ofMinutes(5));
            report.check(phase, "another member may not read it",
                    gateway.get(phase, "/members/" + person + "/export", someoneElse).status() == 403, "not 403");
        });
    }

    @Test
    @Order(100)
    void everyAnswerTheSystemTestsReceivedMatchesTheServedOpenApiDocument() {
        OpenApiContract contract = gateway.contract();
        report.section("Answers validated against the served OpenAPI document", contract.summary());
        report.check("contract", "every answer the system tests received (" + contract.validatedByOperation().values()
                        .stream().mapToLong(Long::longValue).sum() + ") matches the served OpenAPI document",
                contract.mismatches().stream().map(Object::toString).toList());
    }
}
