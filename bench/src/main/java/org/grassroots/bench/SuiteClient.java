package org.grassroots.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grassroots.devstack.Devstack;
import org.grassroots.platform.infra.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Setting up a benchmark's data through the suite's API and reading its databases: not what is measured. */
final class SuiteClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Devstack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String bearer = "Bearer " + DevTokens.token("bench-admin", List.of("admin"), Duration.ofHours(3));

    SuiteClient(Devstack stack) {
        this.stack = stack;
    }

    /** An admin's Authorization header value, valid for the whole run. */
    String adminBearer() {
        return bearer;
    }

    /** GET with the admin token; the answer must be 200. */
    JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** POST of a JSON body with the admin token; the answer must be 201. */
    JsonNode post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** DELETE with the admin token; the answer must be 204. */
    void delete(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("DELETE " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
    }

    long count(String service, String sql) throws SQLException {
        try (Connection c = database(service); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until every service's outbox is empty and both member projections have stopped changing (for a
     * second), so that what a write load left behind (events to publish and apply) does not run into the next
     * measurement. False if that took longer than {@code limit}.
     */
    boolean settle(Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            long outboxes = count("members", "select count(*) from outbox")
                    + count("events", "select count(*) from outbox")
                    + count("elections", "select count(*) from outbox");
            String projections = count("events", "select count(*) from member_projection") + "/"
                    + count("elections", "select count(*) from member_projection");
            unchanged = outboxes == 0 && projections.equals(last) ? unchanged + 1 : 0;
            if (unchanged >= 4) {
                return true;
            }
            last = projections;
            Thread.sleep(250);
        }
        return false;
    }
}
