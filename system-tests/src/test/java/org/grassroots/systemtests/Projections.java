package org.grassroots.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The copies each service keeps of another's data, compared with their source: members-service's members (id and
 * status) in events-service's and elections-service's member projections, and elections-service's links from
 * office-holders to members in members-service's office-holdings. Differences are named: missing, extra, stale.
 */
final class Projections {

    private final Function<String, String> jdbcUrl;

    Projections(Function<String, String> jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The differences, or none, once they stay none or {@code timeout} passes (projections are eventual). */
    List<String> awaitConverged(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> differences = differences();
        while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(250);
            differences = differences();
        }
        return differences;
    }

    List<String> differences() {
        List<String> differences = new ArrayList<>();
        Map<String, String> members = rows("members", "select id, status from member");
        for (String service : List.of("events", "elections")) {
            Map<String, String> projection = rows(service, "select member_id, status from member_projection");
            compare(service + "-service member projection", "members", members, projection, differences);
        }
        Map<String, String> links = rows("elections",
                "select id, member_id from office_holder where member_id is not null");
        Map<String, String> holdings = rows("members",
                "select office_holder_id, member_id from office_holding where member_id is not null");
        compare("members-service office-holdings", "member links of office-holders", links, holdings, differences);
        return differences;
    }

    /** Whether both member projections have the member. */
    boolean knows(String memberId) {
        String sql = "select member_id, status from member_projection where member_id = '" + UUID.fromString(memberId) + "'";
        return !rows("events", sql).isEmpty() && !rows("elections", sql).isEmpty();
    }

    /** Row counts of the projections, for the report. */
    String counts() {
        return "members " + rows("members", "select id, status from member").size()
                + ", events-service projection " + rows("events", "select member_id, status from member_projection").size()
                + ", elections-service projection " + rows("elections", "select member_id, status from member_projection").size()
                + ", office-holdings " + rows("members", "select office_holder_id, member_id from office_holding").size();
    }

    private static void compare(String copy, String what, Map<String, String> source, Map<String, String> projection,
                                List<String> differences) {
        List<String> missing = source.keySet().stream().filter(id -> !projection.containsKey(id)).toList();
        List<String> extra = projection.keySet().stream().filter(id -> !source.containsKey(id)).toList();
        List<String> stale = source.keySet().stream()
                .filter(id -> projection.containsKey(id) && !projection.get(id).equals(source.get(id)))
                .map(id -> id + " (" + projection.get(id) + " instead of " + source.get(id) + ")").toList();
        if (!missing.isEmpty()) {
            differences.add(copy + ": " + missing.size() + " " + what + " missing: " + sample(missing));
        }
        if (!extra.isEmpty()) {
            differences.add(copy + ": " + extra.size() + " not in the source (left over): " + sample(extra));
        }
        if (!stale.isEmpty()) {
            differences.add(copy + ": " + stale.size() + " stale: " + sample(stale));
        }
    }

    private static String sample(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(10, ids.size()))) + (ids.size() > 10 ? ", ..." : "");
    }

    private Map<String, String> rows(String database, String sql) {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
