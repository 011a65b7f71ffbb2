package org.grassroots.webhooks.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long finished messages and their attempts are kept ({@code webhooks.retention.*}, see docs/webhooks.md). */
@ConfigMapping(prefix = "webhooks.retention")
public interface RetentionConfig {

    /** A succeeded or failed message is deleted, with its attempts, this long after its last attempt. */
    @WithDefault("P30D")
    Duration period();

    /** How often the deletion runs (and how long after start it first does). */
    @WithDefault("PT1H")
    Duration interval();

    /** Messages deleted per transaction. */
    @WithDefault("1000")
    int batchSize();
}
