package org.grassroots.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every table of the suite's databases as a row count and an MD5 of its ordered contents, to prove that something
 * (a hostile batch, a replay, a restart) changed nothing. The outbox is left out: rows there are transient (the
 * relay deletes them once Kafka has them); what a request published is checked on the topics instead.
 */
record DatabaseSnapshot(Map<String, Table> tables) {

    record Table(long rows, String md5) {
    }

    private static final Set<String> TRANSIENT = Set.of("outbox", "flyway_schema_history");

    /** @param jdbcUrls database name to JDBC URL */
    static DatabaseSnapshot take(Map<String, String> jdbcUrls, Set<String> leaveOut) {
        Map<String, Table> tables = new TreeMap<>();
        jdbcUrls.forEach((database, url) -> {
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    String key = database + "." + name;
                    if (TRANSIENT.contains(name) || leaveOut.contains(key)) {
                        continue;
                    }
                    try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' "
                            + "order by t::text)), '') from \"" + name + "\" t")) {
                        rs.next();
                        tables.put(key, new Table(rs.getLong(1), rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not snapshot " + database + ": " + e.getMessage(), e);
            }
        });
        return new DatabaseSnapshot(tables);
    }

    /** What differs, table by table, in words: "members.member: 120 rows -> 121 rows". */
    List<String> differencesTo(DatabaseSnapshot after) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Table> table : tables.entrySet()) {
            Table later = after.tables().get(table.getKey());
            if (later == null) {
                differences.add(table.getKey() + " vanished");
            } else if (later.rows() != table.getValue().rows()) {
                differences.add(table.getKey() + ": " + table.getValue().rows() + " rows -> " + later.rows() + " rows");
            } else if (!later.md5().equals(table.getValue().md5())) {
                differences.add(table.getKey() + ": same " + later.rows() + " rows, contents changed");
            }
        }
        after.tables().keySet().stream().filter(k -> !tables.containsKey(k))
                .forEach(k -> differences.add(k + " appeared"));
        return differences;
    }

    long totalRows() {
        return tables.values().stream().mapToLong(Table::rows).sum();
    }

    static Map<String, String> urls(Iterable<String> databases, Function<String, String> jdbcUrl) {
        Map<String, String> urls = new TreeMap<>();
        databases.forEach(d -> urls.put(d, jdbcUrl.apply(d)));
        return urls;
    }
}
