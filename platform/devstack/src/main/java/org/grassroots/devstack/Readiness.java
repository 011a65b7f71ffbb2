package org.grassroots.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waiting for a readiness check ({@code /q/health/ready}) to answer 200. A watched process that exits ends the wait
 * at once: its log says why, and waiting out the timeout would only hide it.
 */
final class Readiness {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Readiness() {
    }

    /** Until one process reports itself ready; polled often, since a benchmark times this. */
    static void awaitOwn(ServiceProcess process) {
        await(List.of(process), URI.create("http://localhost:" + process.port() + "/q/health/ready"), process.name(),
                10, "see " + process.log());
    }

    /** Until {@code readiness} answers 200, failing as soon as one of {@code watched} exits. */
    static void await(List<ServiceProcess> watched, URI readiness, String what, long pollMillis, String whereToLook) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (ServiceProcess process : watched) {
                if (!process.handle().isAlive()) {
                    throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
                }
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                + " was not ready within " + TIMEOUT.toSeconds() + " s; " + whereToLook);
    }

    /** A pause between polls; an interrupt ends it early and stays set for the caller to see. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
