package org.grassroots.kit.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link Clock} every service, the gateway and the kit take "now" from. Moved only when
 * {@code grassroots.clock.offset} is set (tests of the suite on another day, a demo on another day); a moved clock is
 * said once at start, so nobody mistakes it for a production setting.
 */
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = SuiteClock.PROPERTY) Optional<String> offset) {
        Duration moved = SuiteClock.parseOffset(offset.orElse(null));
        if (!moved.isZero()) {
            LOG.warnf("The clock is moved by %s (%s): now is %s", moved, SuiteClock.PROPERTY,
                    SuiteClock.timestamp(SuiteClock.movedBy(moved)));
        }
        return SuiteClock.movedBy(moved);
    }
}
