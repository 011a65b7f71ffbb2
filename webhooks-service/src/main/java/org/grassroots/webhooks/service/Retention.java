package org.grassroots.webhooks.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.grassroots.kit.time.SuiteClock;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes what is over: messages that succeeded or failed for good, with their attempts, once their last attempt
 * is older than {@code webhooks.retention.period} (30 days), and recoveries older than that whose messages have all
 * been re-sent. Never a pending message (waiting, retrying, in flight, or selected by a recovery that has not re-sent
 * it yet), so nothing still to deliver goes. Runs every {@code webhooks.retention.interval} on a thread of its own,
 * in batches of {@code webhooks.retention.batch-size} messages, a short transaction each (rows another transaction
 * holds, a resend changing one, are skipped until the next run), so replicas may run it at once. "Now" is the
 * suite's clock, like the times it compares.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** Finished and idle since the cutoff, not needed by a recovery, oldest first; locked to be deleted. */
    private static final String EXPIRED = """
            select m.id from webhook_message m
            where m.state <> 'pending' and coalesce(m.last_attempt_at, m.created_at) < ?1
              and (m.lease_until is null or m.lease_until <= ?2)
              and not exists (select 1 from webhook_recovery_message r where r.message_id = m.id and not r.resent)
            order by coalesce(m.last_attempt_at, m.created_at)
            limit ?3
            for update of m skip locked""";

    /** Recoveries created before the cutoff that have re-sent all they selected (completed). */
    private static final String EXPIRED_RECOVERIES = """
            delete from webhook_recovery j where j.created_at < ?1
              and not exists (select 1 from webhook_recovery_message r where r.recovery_id = j.id and not r.resent)""";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    RetentionConfig config;

    private ScheduledExecutorService runs;

    /** What a run deleted, and in how many transactions. */
    public record Purged(int messages, int attempts, int recoveries, int batches) {
    }

    void start(@Observes StartupEvent event) {
        if (config.period().isNegative() || config.period().isZero()) {
            throw new IllegalStateException("webhooks.retention.period (WEBHOOKS_RETENTION_PERIOD) must be positive, not "
                    + config.period());
        }
        if (config.batchSize() < 1) {
            throw new IllegalStateException("webhooks.retention.batch-size must be at least 1");
        }
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-retention").daemon()
                .factory());
        long every = config.interval().toMillis();
        runs.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (runs != null) {
            runs.shutdownNow();
        }
    }

    /** Deletes everything over the period now, in batches of the configured size. */
    public Purged purge() {
        return purge(config.batchSize());
    }

    /** Deletes everything over the period now, {@code batchSize} messages per transaction. */
    public Purged purge(int batchSize) {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        OffsetDateTime cutoff = now.minus(config.period());
        // Old completed recoveries first: their rows of webhook_recovery_message go with them, so a message they
        // had selected is not kept for their sake, and no younger job's counts lose a row.
        int recoveries = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(EXPIRED_RECOVERIES).setParameter(1, cutoff).executeUpdate());
        int messages = 0;
        int attempts = 0;
        int batches = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int[] deleted = QuarkusTransaction.requiringNew().call(() -> batch(cutoff, now, batchSize));
            if (deleted[0] == 0) {
                break;
            }
            messages += deleted[0];
            attempts += deleted[1];
            batches++;
            if (deleted[0] < batchSize) {
                break;
            }
        }
        return new Purged(messages, attempts, recoveries, batches);
    }

    /** @return messages and attempts deleted */
    private int[] batch(OffsetDateTime cutoff, OffsetDateTime now, int batchSize) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(EXPIRED, UUID.class).setParameter(1, cutoff)
                .setParameter(2, now).setParameter(3, batchSize).getResultList();
        if (ids.isEmpty()) {
            return new int[] {0, 0};
        }
        UUID[] array = ids.toArray(UUID[]::new);
        // The attempts explicitly (the foreign key would cascade too), so that a run says what it deleted.
        int attempts = entityManager.createNativeQuery("delete from webhook_attempt where message_id = any(?1)")
                .setParameter(1, array).executeUpdate();
        int messages = entityManager.createNativeQuery("delete from webhook_message where id = any(?1)")
                .setParameter(1, array).executeUpdate();
        return new int[] {messages, attempts};
    }

    private void purgeQuietly() {
        try {
            Purged purged = purge();
            if (purged.messages() > 0 || purged.recoveries() > 0) {
                LOG.infof("Retention (%s): deleted %d messages, %d attempts and %d recoveries in %d batches",
                        config.period(), purged.messages(), purged.attempts(), purged.recoveries(), purged.batches());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook retention failed (run again in %s): %s", config.interval(), e.getMessage());
        }
    }
}
