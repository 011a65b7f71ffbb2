package org.grassroots.devstack;

import org.grassroots.platform.infra.DevTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./devstack [--fresh]}: runs the suite until Ctrl-C. */
public final class DevstackMain {

    private DevstackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Kafka's and zonky's clients log through slf4j-simple here: only what needs attention.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("""
                    Usage: ./devstack [--fresh] [--data DIR] [--port N] [--postgres-port N] [--kafka-port N]
                      Runs PostgreSQL, Kafka, members-, events-, elections- and webhooks-service and the gateway locally.
                      Data persists in .devstack/ (or --data DIR) between runs; --fresh deletes it first.
                      The gateway listens on 8080 (or --port N), the services on the next four ports,
                      PostgreSQL on 15432 and Kafka on 19092.
                      Ctrl-C, SIGTERM or SIGHUP stops everything; every process it started also stops by itself
                      when this one is gone, however it ended.""");
            return;
        }
        Path root = DevstackOptions.findProjectRoot(Path.of(""));
        DevstackOptions options;
        try {
            options = DevstackOptions.fromArguments(root, arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("[devstack] " + e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        Devstack stack;
        try {
            stack = Devstack.start(options);
        } catch (StartRefused refused) {
            System.err.println("[devstack] " + refused.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Devstack.log("Stopping everything...");
            stack.close();
            stopped.countDown();
        }, "devstack-stop"));

        String admin = DevTokens.token("demo-admin", List.of("admin"), Duration.ofHours(12));
        System.out.printf("""

                Grassroots is running (ready in %d s; %d demo records added).

                  Gateway (the API)   %s
                  Swagger UI          %s/q/swagger-ui
                  OpenAPI document    %s/q/openapi
                  Health              %s/q/health/ready
                  members-service     %s
                  events-service      %s
                  elections-service   %s
                  webhooks-service    %s
                  PostgreSQL          jdbc:postgresql://localhost:%d/{members,events,elections,webhooks,gateway} (user postgres)
                  Kafka               %s
                  Logs                %s

                Demo bearer tokens (valid 12 h; paste into Swagger UI's Authorize): the organiser is Olu Adeyemi,
                Plymouth's organiser (she sees Plymouth's members); the member is Ada Fairweather (she may RSVP).
                  admin      %s
                  organiser  %s
                  member     %s

                Demo read-only API key (members, events, elections; send as X-API-Key):
                  %s

                Ctrl-C stops everything.
                """,
                Duration.between(started, Instant.now()).toSeconds(), stack.demoRecordsAdded(),
                stack.gatewayUrl(), stack.gatewayUrl(), stack.gatewayUrl(), stack.gatewayUrl(),
                stack.serviceUrl("members"), stack.serviceUrl("events"), stack.serviceUrl("elections"),
                stack.serviceUrl("webhooks"),
                options.postgresPort(), stack.kafkaBootstrapServers(), options.dataDirectory().resolve("logs"),
                admin,
                stack.demoOrganiserToken(Duration.ofHours(12)).orElse("(not created; see the log above)"),
                stack.demoMemberToken(Duration.ofHours(12)).orElse("(not created; see the log above)"),
                stack.demoApiKey().orElse("(not created; see the gateway's log)"));
        stopped.await();
    }
}
