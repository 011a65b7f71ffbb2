package org.grassroots.kit.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.time.SuiteClock;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The idempotency store: one row per caller and key, kept for the documented lifetime and then purged on a
 * schedule. A row names the ids its answer is about, so that an erasure {@link #forget forgets} the answer: a
 * replay of a forgotten key is a {@code 410}, never the erased person's record, and never a second creation.
 */
@ApplicationScoped
public class IdempotencyRecords {

    /** The fingerprint of a row whose answer was forgotten in an erasure. */
    static final String FORGOTTEN = "forgotten";

    private static final Logger LOG = Logger.getLogger(IdempotencyRecords.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "grassroots.idempotency.lifetime", defaultValue = "PT24H")
    Duration lifetime;

    @ConfigProperty(name = "grassroots.idempotency.purge-interval", defaultValue = "PT1H")
    Duration purgeInterval;

    private ScheduledExecutorService purger;

    /** A remembered answer: its fingerprint, status, media type, location and sealed body. */
    record Remembered(String fingerprint, int status, String type, String location, String sealedBody) {
        boolean forgotten() {
            return FORGOTTEN.equals(fingerprint);
        }
    }

    Duration lifetime() {
        return lifetime;
    }

    /**
     * Claims the key: inserts its row, or takes over a row whose lifetime has ended (a replay after it is a new
     * request). False if a live row holds the key, after waiting for the request that wrote it to commit.
     */
    boolean claim(String caller, String keyHash, String fingerprint) {
        OffsetDateTime now = SuiteClock.timestamp(clock);
        return entityManager.createNativeQuery("""
                        insert into idempotency_key (caller, key_hash, fingerprint, response_status, created_at)
                        values (?1, ?2, ?3, 0, ?4)
                        on conflict (caller, key_hash) do update
                            set fingerprint = excluded.fingerprint, response_status = 0, response_type = null,
                                location = null, sealed_body = null, subjects = '{}', created_at = excluded.created_at
                            where idempotency_key.created_at < ?5""")
                .setParameter(1, caller).setParameter(2, keyHash).setParameter(3, fingerprint)
                .setParameter(4, now).setParameter(5, now.minus(lifetime))
                .executeUpdate() == 1;
    }

    void remember(String caller, String keyHash, int status, String type, String location, String sealedBody,
                  Collection<UUID> subjects) {
        entityManager.createNativeQuery("""
                        update idempotency_key set response_status = ?3, response_type = ?4, location = ?5,
                                                   sealed_body = ?6, subjects = ?7
                        where caller = ?1 and key_hash = ?2""")
                .setParameter(1, caller).setParameter(2, keyHash).setParameter(3, status).setParameter(4, type)
                .setParameter(5, location).setParameter(6, sealedBody)
                .setParameter(7, subjects.toArray(UUID[]::new))
                .executeUpdate();
    }

    Remembered find(String caller, String keyHash) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select fingerprint, response_status, response_type, location, sealed_body from idempotency_key
                        where caller = ?1 and key_hash = ?2""")
                .setParameter(1, caller).setParameter(2, keyHash).getSingleResult();
        return new Remembered((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                (String) row[4]);
    }

    /**
     * Forgets every remembered answer about any of these ids (an erasure's, in its transaction): the answer and the
     * fingerprint go, the row stays as a marker so that a replay is a 410 rather than the request run again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(Collection<UUID> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                        update idempotency_key set fingerprint = ?2, response_status = 410, response_type = null,
                                                   location = null, sealed_body = null, subjects = '{}'
                        where subjects && ?1""")
                .setParameter(1, subjects.toArray(UUID[]::new)).setParameter(2, FORGOTTEN)
                .executeUpdate();
    }

    /** Deletes the rows whose lifetime has ended; returns how many. */
    public int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, SuiteClock.timestamp(clock).minus(lifetime)).executeUpdate());
    }

    void startPurging(@Observes StartupEvent event) {
        purger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-purge").daemon()
                .factory());
        long every = purgeInterval.toMillis();
        purger.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stopPurging(@Observes ShutdownEvent event) {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.debugf("purged %d expired idempotency records", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("idempotency purge failed (retried at the next interval): %s", e.getMessage());
        }
    }
}
