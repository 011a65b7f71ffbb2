package org.grassroots.webhooks.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

/** The delivery settings ({@code webhooks.delivery.*}), with their defaults, in one place (see docs/webhooks.md). */
@ConfigMapping(prefix = "webhooks.delivery")
public interface DeliveryConfig {

    /** Whether this instance sends at all (off: messages are stored and wait). */
    @WithDefault("true")
    boolean enabled();

    /** Attempts sent at once by this instance. */
    @WithDefault("16")
    int workers();

    /** How often the dispatcher looks for due messages when nothing woke it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** The delay before each attempt: the Standard Webhooks schedule; jitter (±10%) applies to every one. */
    @WithDefault(RetrySchedule.STANDARD_TEXT)
    List<Duration> retrySchedule();

    /** The furthest a receiver's Retry-After may defer an attempt. */
    @WithDefault("PT24H")
    Duration retryAfterCap();

    /** Attempts in flight to one endpoint at once. */
    @WithName("max-in-flight-per-endpoint")
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** A 2xx within this time is a success; no answer by then, a failure. */
    @WithDefault("PT15S")
    Duration timeout();

    /** An endpoint with nothing but failures for this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();
}
