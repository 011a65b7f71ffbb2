package org.grassroots.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.grassroots.webhooks.domain.KnownEventTypes;
import org.grassroots.webhooks.service.EndpointService;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery meters (Prometheus at {@code /q/metrics}), named like the kit's ({@code grassroots.outbox.published}):
 *
 * <ul>
 *   <li>{@code grassroots.webhooks.deliveries} (counter): attempts, by {@code outcome} ({@code succeeded},
 *   {@code failed}) and {@code type} (the event type, {@code ping}, or {@code other} for a type outside the
 *   catalogue);</li>
 *   <li>{@code grassroots.webhooks.failures} (counter): failed attempts by {@code reason} ({@code status},
 *   {@code redirect}, {@code timeout}, {@code unreachable}, {@code refused}, {@code interrupted});</li>
 *   <li>{@code grassroots.webhooks.lag} (timer, with a histogram and p50/p99): from the CloudEvent's time (its
 *   commit at the producer) to the answer of the attempt that delivered it, for messages on their schedule (not a
 *   re-send of an old message, whose "lag" would be its age);</li>
 *   <li>{@code grassroots.webhooks.pending} (gauge): messages still to deliver, in total, as last counted (every
 *   {@link #PENDING_REFRESH}, by a thread of its own, never by the scrape).</li>
 * </ul>
 *
 * No tag names an endpoint or its URL: their number is unbounded and a URL may carry a token.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final Duration PENDING_REFRESH = Duration.ofSeconds(5);
    private static final String OTHER = "other";
    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager entityManager;

    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<Attempt.Failure, Counter> failures = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private Timer lag;
    private ScheduledExecutorService counting;

    void start(@Observes StartupEvent event) {
        lag = Timer.builder("grassroots.webhooks.lag")
                .description("From an event's time to its delivery (the answer of the attempt that succeeded)")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                // Up to the retry schedule's last attempt (about 27 h): a retried delivery stays in the histogram.
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(30))
                .register(meters);
        Gauge.builder("grassroots.webhooks.pending", pending, AtomicLong::get)
                .description("Messages still to deliver (pending), as last counted")
                .register(meters);
        counting = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-pending-count")
                .daemon().factory());
        counting.scheduleWithFixedDelay(this::countPending, 0, PENDING_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (counting != null) {
            counting.shutdownNow();
        }
    }

    /** Counts an attempt once it is recorded. */
    public void attempted(String type, Attempt attempt) {
        String outcome = attempt.succeeded() ? "succeeded" : "failed";
        String typeTag = EndpointService.PING.equals(type) || KnownEventTypes.CATALOGUE.contains(type) ? type : OTHER;
        deliveries.computeIfAbsent(outcome + " " + typeTag, k -> Counter.builder("grassroots.webhooks.deliveries")
                .description("Delivery attempts").tag("outcome", outcome).tag("type", typeTag)
                .register(meters)).increment();
        if (!attempt.succeeded()) {
            failures.computeIfAbsent(attempt.failure(), f -> Counter.builder("grassroots.webhooks.failures")
                    .description("Failed delivery attempts").tag("reason", f.tag()).register(meters)).increment();
        }
    }

    /** Records the lag of a delivery: from the event's time to the answer that delivered it. */
    public void delivered(OffsetDateTime eventTime, Attempt attempt) {
        if (eventTime == null || !attempt.succeeded()) {
            return;
        }
        OffsetDateTime answered = attempt.attemptedAt().plus(Duration.ofMillis(attempt.durationMillis()));
        Duration took = Duration.between(eventTime, answered);
        // A producer's clock a little ahead of ours is no negative lag.
        lag.record(took.isNegative() ? Duration.ZERO : took);
    }

    /** The last count of pending messages (what the gauge shows). */
    public long pending() {
        return pending.get();
    }

    void countPending() {
        try {
            Number count = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                    .createNativeQuery("select count(*) from webhook_message where state = 'pending'")
                    .getSingleResult());
            pending.set(count.longValue());
        } catch (RuntimeException e) {
            LOG.debugf("Counting pending webhook messages failed (counted again in %s): %s", PENDING_REFRESH,
                    e.getMessage());
        }
    }
}
