package org.grassroots.devstack;

import org.grassroots.kit.time.SuiteClock;
import org.grassroots.platform.infra.DevTokens;
import org.grassroots.platform.infra.EmbeddedPostgresServer;
import org.grassroots.platform.infra.KafkaBroker;
import org.grassroots.platform.infra.ParentWatchdog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables each child process starts with: the same ones docker-compose.yml sets (see
 * ComposeConfigurationTest), pointed at the local PostgreSQL, Kafka and ports, plus the local run's defaults and
 * the options' extras.
 */
record ProcessEnvironments(DevstackOptions options, Duration clockOffset) {

    /**
     * What only the local run sets: browsers on any localhost port may call the gateway (a front-end's dev server),
     * as production does not unless configured. Quarkus reads an origin between slashes as a regular expression.
     */
    static final Map<String, String> LOCAL_RUN_ENVIRONMENT = Map.of(
            "CORS_ENABLED", "true",
            "CORS_ORIGINS", "/http://localhost(:[0-9]+)?/,/http://127[.]0[.]0[.]1(:[0-9]+)?/");

    /**
     * What only the local run sets for webhooks-service: receivers on this machine (a tool under development on
     * localhost, over plain http) may be registered, which production refuses; and the local run's own key sealing
     * the endpoints' secrets (production must set its own).
     */
    static final Map<String, String> LOCAL_WEBHOOKS_ENVIRONMENT = Map.of(
            "WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
            "WEBHOOKS_REQUIRE_HTTPS", "false",
            "WEBHOOKS_SECRET_KEY", "ZGV2c3RhY2stbG9jYWwtd2ViaG9va3Mtc2VhbGtleSE=");

    /** One service's: its database, the broker, and the keys it trusts ({@code serviceKeys}, a JWKS). */
    Map<String, String> service(String service, EmbeddedPostgresServer postgres, KafkaBroker kafka,
                                Path serviceKeys) {
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("PORT", Integer.toString(options.servicePort(service))),
                Map.entry("DB_URL", postgres.jdbcUrl(service)),
                Map.entry("DB_USER", postgres.username()),
                Map.entry("DB_PASSWORD", postgres.password()),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("JWT_PUBLIC_KEY_LOCATION", serviceKeys.toUri().toString()),
                Map.entry("GRASSROOTS_JWT_ISSUER", DevTokens.ISSUER),
                // The local run's own secret; digests are only ever sent, so a fixed one loses nothing.
                Map.entry("GRASSROOTS_ERASURE_DIGEST_KEY", "devstack-local-erasure-digest-secret"),
                Map.entry("GRASSROOTS_SUBJECT_ACCESS_KEY", "devstack-local-subject-access-secret"),
                // members-service asks the others for the subject-access export.
                Map.entry("EVENTS_SERVICE_URL", serviceUrl("events")),
                Map.entry("ELECTIONS_SERVICE_URL", serviceUrl("elections"))));
        if (service.equals("webhooks")) {
            environment.putAll(LOCAL_WEBHOOKS_ENVIRONMENT);
        }
        return withExtra(environment);
    }

    /** The gateway's: the services behind it, its own database, the identity provider's key and its signing key. */
    Map<String, String> gateway(EmbeddedPostgresServer postgres, Path publicKey, Path gatewaySigningKey) {
        return withExtra(Map.ofEntries(
                Map.entry("PORT", Integer.toString(options.gatewayPort())),
                Map.entry("MEMBERS_SERVICE_URL", serviceUrl("members")),
                Map.entry("EVENTS_SERVICE_URL", serviceUrl("events")),
                Map.entry("ELECTIONS_SERVICE_URL", serviceUrl("elections")),
                Map.entry("WEBHOOKS_SERVICE_URL", serviceUrl("webhooks")),
                Map.entry("PUBLIC_URL", "http://localhost:" + options.gatewayPort()),
                Map.entry("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString()),
                Map.entry("GRASSROOTS_JWT_ISSUER", DevTokens.ISSUER),
                Map.entry("GATEWAY_SIGNING_KEY_LOCATION", gatewaySigningKey.toUri().toString()),
                Map.entry("DB_URL", postgres.jdbcUrl("gateway")),
                Map.entry("DB_USER", postgres.username()),
                Map.entry("DB_PASSWORD", postgres.password())));
    }

    private String serviceUrl(String service) {
        return "http://localhost:" + options.servicePort(service);
    }

    /**
     * A process's environment: its own, the local run's defaults (CORS for front-ends on localhost, the clock) and
     * the options' extras, which win.
     */
    private Map<String, String> withExtra(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(LOCAL_RUN_ENVIRONMENT);
        // Each child stops itself when this process is gone, however it ends (ParentProcessWatch in the kit).
        all.put(ParentWatchdog.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        if (!clockOffset.isZero()) {
            all.put(SuiteClock.ENVIRONMENT, clockOffset.toString());
        }
        all.putAll(options.environment());
        return all;
    }
}
