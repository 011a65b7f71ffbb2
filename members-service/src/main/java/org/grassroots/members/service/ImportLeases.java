package org.grassroots.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.members.domain.ImportJob;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which instance runs which import. The instance running a job renews its lease on it
 * ({@code grassroots.import.lease}; the service renews every third of it); an instance that finds a job whose lease
 * has run out (its runner stopped) claims it. Each chunk's commit checks {@link #runs} under the job's row lock, so two
 * instances never both record a job.
 */
@ApplicationScoped
public class ImportLeases {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** How long a job's runner may be silent before another instance takes the job over. */
    @ConfigProperty(name = "grassroots.import.lease", defaultValue = "90s")
    Duration lease;

    /** This process, as the runner of the jobs it starts or takes over. */
    private final UUID instance = UUID.randomUUID();

    /** The jobs queued or running in this process: their leases are renewed while they are here. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();

    UUID instance() {
        return instance;
    }

    Duration lease() {
        return lease;
    }

    /** This instance holds the job from now until {@link #release}. */
    void hold(UUID jobId) {
        mine.add(jobId);
    }

    void release(UUID jobId) {
        mine.remove(jobId);
    }

    /** Whether this instance still runs the job (read with its row locked). */
    boolean runs(ImportJob job) {
        return instance.equals(job.runner);
    }

    /** Renews the leases of the jobs queued or running here. */
    void renew() {
        UUID[] here = mine.toArray(UUID[]::new);
        if (here.length == 0) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement renew = connection.prepareStatement(
                    "update import_job set heartbeat_at = ? where runner = ? and id = any(?)")) {
                renew.setObject(1, SuiteClock.timestamp(clock));
                renew.setObject(2, instance);
                renew.setArray(3, connection.createArrayOf("uuid", here));
                renew.executeUpdate();
            }
        }));
    }

    /** Claims every unfinished job whose lease has run out, never one of this instance's own; returns their ids. */
    List<UUID> claimStalled() {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            // "skip locked": a job whose runner is committing a chunk right now is not stalled.
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement claim = connection.prepareStatement("""
                        update import_job set runner = ?, heartbeat_at = ? where id in (
                            select id from import_job
                            where status in ('queued', 'running') and (heartbeat_at is null or heartbeat_at < ?)
                              and not id = any(?)
                            for update skip locked)
                        returning id""")) {
                    claim.setObject(1, instance);
                    claim.setObject(2, now);
                    claim.setObject(3, now.minus(lease));
                    // Never its own queued or running jobs, even if renewing their leases failed.
                    claim.setArray(4, connection.createArrayOf("uuid", mine.toArray(UUID[]::new)));
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            });
            return ids;
        });
    }

    /** At a clean stop: this instance's jobs are taken over as soon as another instance looks. */
    void giveUpAll() {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("heartbeatAt = null where runner = ?1 "
                + "and status in ?2", instance, List.of(ImportJob.Status.queued.name(),
                ImportJob.Status.running.name())));
    }
}
