package org.grassroots.webhooks.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.grassroots.webhooks.service.DeliveryLedger;
import org.grassroots.webhooks.service.Targets;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends due messages: one thread claims them (as many as there are free workers, at most a few per endpoint, see
 * {@link DeliveryLedger#claim}) and a bounded pool of workers sends them, each attempt on its own worker, so a
 * slow receiver holds only its own few workers and never the others' deliveries. Woken after each commit that
 * made a message due; polling is the safety net (and what finds retries coming due).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    DeliveryLedger ledger;

    @Inject
    Targets targets;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryMetrics metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    private Semaphore freeWorkers;
    private ExecutorService pool;
    private Thread thread;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhook deliveries disabled (webhooks.delivery.enabled=false)");
            return;
        }
        freeWorkers = new Semaphore(config.workers());
        pool = Executors.newFixedThreadPool(config.workers(), Thread.ofPlatform().name("webhook-delivery-", 0).daemon()
                .factory());
        running = true;
        thread = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (thread != null) {
            pool.shutdownNow();
            try {
                thread.join(5_000);
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Claims again now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Fired (CDI) in a transaction that made messages due: the dispatcher claims once it has committed (what it
     * made due is visible then), and not at all if it rolled back.
     */
    public record MessagesDue() {
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesDue due) {
        wakeUp();
    }

    private void run() {
        while (running) {
            try {
                int free = freeWorkers.availablePermits();
                List<DeliveryLedger.Claimed> claimed = free == 0 ? List.of() : ledger.claim(free);
                for (DeliveryLedger.Claimed message : claimed) {
                    freeWorkers.acquire();
                    pool.execute(() -> {
                        try {
                            deliver(message);
                        } finally {
                            freeWorkers.release();
                            wakeUp(); // a worker is free, and the message's successor may be due
                        }
                    });
                }
                if (claimed.isEmpty() || claimed.size() == free) {
                    // Nothing due, or every worker busy: wait for a commit, a worker or the poll.
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database away: claimed leases expire and the messages are claimed again.
                LOG.warnf("Webhook dispatcher: %s; claiming again after %d ms", e.getMessage(), config.pollInterval().toMillis());
                sleep(config.pollInterval());
            }
        }
    }

    private void deliver(DeliveryLedger.Claimed message) {
        try {
            Targets.Target target = targets.load(message.endpointId());
            if (target == null) {
                return; // deleted meanwhile: its messages went with it
            }
            // The sender checks the target again, resolving its host once for this attempt and connecting to the
            // address checked: a host that resolved to a public address when registered may not now.
            Attempt attempt = sender.send(target.url(), targets.rule(),
                    new Message(message.webhookId(), message.type(), message.body()), target.secrets());
            ledger.finish(message, attempt);
            metrics.attempted(message.type(), attempt);
            metrics.delivered(message.eventTime(), attempt);
        } catch (RuntimeException e) {
            // Not recorded (the database away?): the lease expires and the message is sent again, same webhook-id.
            LOG.warnf("Webhook delivery of %s: %s", message.webhookId(), e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
