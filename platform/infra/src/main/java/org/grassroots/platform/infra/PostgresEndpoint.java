package org.grassroots.platform.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Where a PostgreSQL server is, however it was started (embedded, container or external). */
public interface PostgresEndpoint {

    Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host(), port(), database);
    }

    void createDatabaseIfAbsent(String name);

    /** Creates {@code name} on the server unless it exists; names are checked because DDL can't take parameters. */
    static void createDatabaseIfAbsent(PostgresEndpoint endpoint, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(
                endpoint.jdbcUrl("postgres"), endpoint.username(), endpoint.password())) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            EmbeddedPostgresServer.execute(connection, "create database " + name);
        } catch (SQLException e) {
            throw new InfrastructureException("Could not create database '" + name + "': " + e.getMessage(), e);
        }
    }

    static PostgresEndpoint external(String host, int port, String username, String password) {
        return new PostgresEndpoint() {
            @Override public String host() { return host; }
            @Override public int port() { return port; }
            @Override public String username() { return username; }
            @Override public String password() { return password; }
            @Override public void createDatabaseIfAbsent(String name) { PostgresEndpoint.createDatabaseIfAbsent(this, name); }
        };
    }
}
