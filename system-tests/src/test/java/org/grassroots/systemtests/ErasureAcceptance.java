package org.grassroots.systemtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.grassroots.testing.KafkaProbe;
import org.grassroots.testing.PersonalDataScan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 19's acceptance: people created through every write that takes personal data (a member with and without an
 * Idempotency-Key, a public RSVP, a feedback contact, an import row, the public join form), then erased (members by id, the others by email
 * address); afterwards no table of the four databases, no record (value, key or header) of any topic, dead-letter
 * topics included, and no log file of the suite holds any of their values, and a replay of each of their keys answers
 * nothing personal.
 */
final class ErasureAcceptance {

    static final String PHASE = "erasure leaves nothing";

    private final Gateway gateway;
    private final Report report;
    private final String admin;
    private final Function<String, String> jdbcUrl;
    private final String kafka;
    private final Path logs;
    private final List<String> stall;
    private final String mark = letters();

    /** Each person's values, to search for; each replayable request, to replay. */
    private final Map<String, List<String>> needles = new LinkedHashMap<>();
    private final List<Replay> replays = new ArrayList<>();
    private int topicsSearched;

    private record Replay(String who, String path, String token, String contentType, String body, String key) {
    }

    ErasureAcceptance(Gateway gateway, Report report, String admin, Function<String, String> jdbcUrl, String kafka,
                      Path logs, List<String> stallEventTimeslotAndQuestion) {
        this.gateway = gateway;
        this.report = report;
        this.admin = admin;
        this.jdbcUrl = jdbcUrl;
        this.kafka = kafka;
        this.logs = logs;
        this.stall = stallEventTimeslotAndQuestion;
    }

    void run() throws Exception {
        List<String> members = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        members.add(member("keyed", true));
        members.add(member("unkeyed", false));
        members.add(imported());
        members.add(signedUp());
        addresses.add(publicRsvp());
        addresses.add(feedbackContact());

        for (String id : members) {
            ok(gateway.post(PHASE, "/members/" + id + "/erasure", admin, ""), "erasure of member " + id);
        }
        for (String email : addresses) {
            ok(gateway.post(PHASE, "/erasures", admin, "{\"email\":\"%s\"}".formatted(email)), "erasure by email");
        }
        List<String> all = needles.values().stream().flatMap(List::stream).toList();
        // The other services apply the erasure from the topic: eventually, within seconds.
        Scenario.await(() -> databaseHits(all).isEmpty(), Duration.ofSeconds(30));
        report.check(PHASE, "no table of the four databases holds any value of the " + needles.size()
                + " erased people (" + all.size() + " values)", databaseHits(all));
        List<String> onTopics = topicHits(all);
        report.check(PHASE, "no record of any of the " + topicsSearched + " topics on the broker (every one, "
                + "dead-letter topics too; values, keys, headers) holds any of their values", onTopics);
        report.check(PHASE, "no log file of the suite holds any of their values", logHits(all));
        List<String> replayProblems = new ArrayList<>();
        for (Replay replay : replays) {
            Gateway.Answer answer = gateway.send(PHASE, "POST", replay.path(), replay.token(), replay.contentType(),
                    replay.body(), Map.of("Idempotency-Key", replay.key()));
            needles.get(replay.who()).stream().filter(v -> answer.body().toLowerCase(Locale.ROOT)
                            .contains(v.toLowerCase(Locale.ROOT)))
                    .forEach(v -> replayProblems.add(replay.path() + " replayed: " + answer.status() + " holds " + v));
            if (answer.status() != 410) {
                replayProblems.add(replay.path() + " replayed: " + answer.status() + " instead of 410 erased");
            }
        }
        report.check(PHASE, "a replay of each of their " + replays.size() + " Idempotency-Keys is a 410 with nothing "
                + "personal", replayProblems);
    }

    private String member(String kind, boolean withKey) {
        String given = "Erin" + mark + kind;
        String family = "Erasewell" + mark;
        String email = "erin." + kind + "." + mark + "@example.org";
        String phone = phone();
        String street = "7 " + mark + kind + " Row";
        String body = """
                {"givenName":"%s","familyName":"%s","email":"%s","phone":"%s","postcode":"TR1 2AB",
                 "addressLines":["%s"],"origin":"stall %s"}""".formatted(given, family, email, phone, street, mark);
        String key = withKey ? UUID.randomUUID().toString() : null;
        Gateway.Answer created = ok(gateway.send(PHASE, "POST", "/members", admin, "application/json", body,
                key == null ? Map.of() : Map.of("Idempotency-Key", key)), "member " + kind);
        String id = created.id();
        String source = "sheet " + mark + kind;
        ok(gateway.post(PHASE, "/members/" + id + "/consents", admin, """
                {"channel":"email","purpose":"campaigning","granted":true,"lawfulBasis":"consent","source":"%s"}"""
                .formatted(source)), "consent of member " + kind);
        needles.put(kind, List.of(given, family, email, phone.substring(1).replace(" ", ""), street,
                "stall " + mark, source));
        if (key != null) {
            replays.add(new Replay(kind, "/members", admin, "application/json", body, key));
        }
        return id;
    }

    private String imported() throws Exception {
        String given = "Ivo" + mark;
        String family = "Importwell" + mark;
        String email = "ivo." + mark + "@example.org";
        String csv = "givenName,familyName,email,membershipType\n%s,%s,%s,supporter\n".formatted(given, family, email);
        Gateway.Answer job = ok(gateway.send(PHASE, "POST", "/members/imports", admin, "text/csv", csv,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), "the import");
        String jobPath = "/members/imports/" + job.json().path("id").asText();
        if (!Scenario.await(() -> gateway.get(PHASE, jobPath, admin).body().contains("\"completed\""),
                Duration.ofSeconds(60))) {
            throw new AssertionError("the import did not complete: " + gateway.get(PHASE, jobPath, admin).body());
        }
        needles.put("imported", List.of(given, family, email));
        return gateway.get(PHASE, "/members?email=" + email, admin).json().path("items").path(0).path("id").asText();
    }

    private String signedUp() {
        String given = "Sunniva" + mark;
        String family = "Signwell" + mark;
        String email = "sunniva." + mark + "@example.org";
        String phone = phone();
        ok(gateway.post(PHASE, "/signups", null, """
                {"givenName":"%s","familyName":"%s","email":"%s","phone":"%s","postcode":"TR1 2AB",
                 "consents":[{"channel":"email","purpose":"campaigning"}],"source":"join form %s"}"""
                .formatted(given, family, email, phone, mark)), "the signup on the public form");
        needles.put("signup", List.of(given, family, email, phone.substring(1).replace(" ", ""), "join form " + mark));
        return gateway.get(PHASE, "/members?email=" + email, admin).json().path("items").path(0).path("id").asText();
    }

    private String publicRsvp() {
        String email = "pia.public." + mark + "@example.org";
        String body = """
                {"givenName":"Pia%s","familyName":"Publicwell%s","email":"%s","consent":true}"""
                .formatted(mark, mark, email);
        String path = "/events/" + stall.get(0) + "/timeslots/" + stall.get(1) + "/rsvps";
        String key = UUID.randomUUID().toString();
        Gateway.Answer rsvp = ok(gateway.send(PHASE, "POST", path, null, "application/json", body,
                Map.of("Idempotency-Key", key)), "the public RSVP");
        needles.put("public", List.of("Pia" + mark, "Publicwell" + mark, email,
                rsvp.json().path("cancellationToken").asText()));
        replays.add(new Replay("public", path, null, "application/json", body, key));
        return email;
    }

    private String feedbackContact() {
        String email = "fenella." + mark + "@example.org";
        String phone = "+44" + phone().substring(1).replace(" ", "");
        String body = """
                {"questionId":"%s","timeslotId":"%s","answer":"More buses","topics":["public-ownership"],
                 "contact":{"consent":true,"name":"Fenella %s","email":"%s","phone":"%s"}}"""
                .formatted(stall.get(2), stall.get(1), mark, email, phone);
        String path = "/events/" + stall.get(0) + "/feedback";
        String key = UUID.randomUUID().toString();
        ok(gateway.send(PHASE, "POST", path, admin, "application/json", body, Map.of("Idempotency-Key", key)),
                "the feedback with contact details");
        needles.put("feedback", List.of("Fenella " + mark, email, phone.substring(3)));
        replays.add(new Replay("feedback", path, admin, "application/json", body, key));
        return email;
    }

    private List<String> databaseHits(List<String> values) {
        List<String> hits = new ArrayList<>();
        for (String database : List.of("members", "events", "elections", "webhooks", "gateway")) {
            try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database), "postgres", "postgres")) {
                PersonalDataScan.find(c, values).forEach(hit -> hits.add(database + ": " + hit));
            } catch (java.sql.SQLException e) {
                hits.add(database + ": could not be searched: " + e.getMessage());
            }
        }
        return hits;
    }

    private List<String> topicHits(List<String> values) throws Exception {
        List<String> hits = new ArrayList<>();
        List<String> topics;
        try (Admin kafkaAdmin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            topics = kafkaAdmin.listTopics().names().get().stream().filter(t -> !t.startsWith("__")).sorted().toList();
        }
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : KafkaProbe.readAll(kafka, topic, Duration.ofSeconds(60))) {
                StringBuilder text = new StringBuilder(record.key() == null ? "" : record.key());
                if (record.value() != null) {
                    text.append('\n').append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    text.append('\n').append(new String(header.value() == null ? new byte[0] : header.value(),
                            StandardCharsets.UTF_8));
                }
                String lower = text.toString().toLowerCase(Locale.ROOT);
                values.stream().filter(v -> lower.contains(v.toLowerCase(Locale.ROOT))).forEach(v ->
                        hits.add(topic + "@" + record.partition() + ":" + record.offset() + " holds " + v));
            }
        }
        topicsSearched = topics.size();
        return hits;
    }

    private List<String> logHits(List<String> values) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                values.stream().filter(v -> text.contains(v.toLowerCase(Locale.ROOT)))
                        .forEach(v -> hits.add(file.getFileName() + " holds " + v));
            }
        }
        return hits;
    }

    /** A UK mobile number no other test uses. */
    private static String phone() {
        return "07700 9" + String.format("%05d", (int) (Math.random() * 100_000));
    }

    /** Letters only (names are validated as names), unique to this run. */
    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Gateway.Answer ok(Gateway.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError(what + ": expected 2xx, got " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
