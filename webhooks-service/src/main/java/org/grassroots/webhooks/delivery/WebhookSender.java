package org.grassroots.webhooks.delivery;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.kit.time.SuiteClock;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Sends one signed message to one URL with the JDK's HTTP client: a 2xx within the timeout (15 s) is success;
 * any other status, a redirect (never followed: a receiver cannot bounce a delivery elsewhere), a timeout or a
 * connection failure is a failure.
 */
@ApplicationScoped
public class WebhookSender {

    public static final int EXCERPT_BYTES = 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    /** {@code webhook-timestamp} is real time, not the suite's (possibly moved) clock: receivers compare it with
     * their own clocks and refuse a message more than five minutes off, as they would a token. */
    private final Clock signingClock = Clock.systemUTC();

    @Inject
    public WebhookSender(DeliveryConfig config, Clock clock) {
        this(config.timeout(), clock);
    }

    WebhookSender(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .build();
    }

    /** Signs the message with every secret given and sends it once. */
    public Attempt send(URI url, Message message, List<byte[]> secrets) {
        long timestamp = signingClock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Grassroots-Webhooks/1")
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(message.id(), timestamp, message.body(), secrets))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        var attemptedAt = SuiteClock.timestamp(clock);
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            boolean succeeded = status >= 200 && status < 300;
            boolean redirect = status >= 300 && status < 400;
            return new Attempt(message.id(), attemptedAt, succeeded, status, millisSince(started), excerpt,
                    redirect ? "redirects are not followed" : null,
                    retryAfter(response.headers().firstValue("retry-after").orElse(null)),
                    succeeded ? null : redirect ? Attempt.Failure.REDIRECT : Attempt.Failure.STATUS);
        } catch (HttpTimeoutException e) {
            return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.TIMEOUT,
                    "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.UNREACHABLE,
                    "could not reach the endpoint: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.INTERRUPTED,
                    "interrupted");
        }
    }

    /**
     * {@code Retry-After} as a wait: delay-seconds, or an HTTP date measured against real time (the receiver's
     * clock is real, not the suite's); null when absent or unreadable.
     */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(signingClock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
