package org.grassroots.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.grassroots.gateway.config.GatewayConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The gateway is ready when every service it routes to reports ready; each service's state is in the data. */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> checks = new TreeMap<>();
        config.services().forEach((name, upstream) -> checks.put(name, probe(upstream.url())));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        checks.forEach((name, check) -> {
            String state = check.join();
            response.withData(name, state);
            if (!"UP".equals(state)) {
                response.down();
            }
        });
        return response.build();
    }

    private CompletableFuture<String> probe(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/health/ready")).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(e -> "UNREACHABLE");
    }
}
