package org.grassroots.devstack;

import org.grassroots.platform.infra.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ready means the demo data is visible everywhere: after seeding, wait (at most 30 s) until the demo member has
 * reached events- and elections-service's projections through Kafka, read straight from their databases. Late is
 * logged, not thrown: the stack is up, only the demo data is not everywhere yet.
 */
final class ProjectionsWait {

    private static final List<String> CONSUMERS = List.of("events", "elections");

    private ProjectionsWait() {
    }

    static void awaitMember(EmbeddedPostgresServer postgres, UUID memberId) {
        Instant deadline = Instant.now().plusSeconds(30);
        for (String service : CONSUMERS) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(service), postgres.username(),
                    postgres.password());
                 PreparedStatement ps = c.prepareStatement("select 1 from member_projection where member_id = ?")) {
                ps.setObject(1, memberId);
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            break;
                        }
                    }
                    if (Instant.now().isAfter(deadline)) {
                        Devstack.log("The demo member has not reached %s-service yet; see its log", service);
                        return;
                    }
                    Readiness.sleep(50);
                }
            } catch (SQLException e) {
                Devstack.log("Could not check %s-service's projection: %s", service, e.getMessage());
            }
        }
    }
}
