package org.grassroots.webhooks.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.webhooks.domain.TargetUrls;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed message to one target with the Vert.x HTTP client: a 2xx within the timeout (15 s) is success;
 * any other status, a redirect (never followed: a receiver cannot bounce a delivery elsewhere), a timeout or a
 * connection failure is a failure. Called on a worker thread (the dispatcher's, or a request's), which waits.
 *
 * <p><b>The address is pinned.</b> Each attempt resolves the URL's host once ({@link TargetUrls#pin}), refuses it
 * if any address is not allowed, and connects to exactly the address checked: the request's {@code server} is that
 * resolved socket address, so the client does no resolution of its own, while its {@code host} stays the URL's name,
 * which Vert.x uses for the {@code Host} header, for TLS SNI and for the certificate's host name check (its
 * {@code peerAddress}). No keep-alive: each attempt has its own connection, to the address it checked. The JDK's {@code HttpClient} used before resolves the name
 * itself when it connects, with no way to hand it an address while keeping the name for TLS: a name could answer a
 * public address to the check and 127.0.0.1 to the connection (DNS rebinding).
 */
@ApplicationScoped
public class WebhookSender {

    public static final int EXCERPT_BYTES = 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final TargetUrls.Resolver resolver;
    /** {@code webhook-timestamp} is real time, not the suite's (possibly moved) clock: receivers compare it with
     * their own clocks and refuse a message more than five minutes off, as they would a token. */
    private static final Clock SIGNING_CLOCK = Clock.systemUTC();

    @Inject
    public WebhookSender(DeliveryConfig config, Clock clock, Vertx vertx) {
        this(vertx, config.timeout(), config.workers(), clock, TargetUrls.Resolver.SYSTEM);
    }

    /** With a resolver of the test's own (names that no DNS knows, answers that change). */
    public WebhookSender(Vertx vertx, Duration timeout, int connectionsPerTarget, Clock clock,
                         TargetUrls.Resolver resolver) {
        this.timeout = timeout;
        this.clock = clock;
        this.resolver = resolver;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                // Every worker may be sending to one receiver (several endpoints on it).
                .setMaxPoolSize(Math.max(connectionsPerTarget, 1))
                // A connection per attempt: none outlives the attempt that checked its address, and none is a pooled
                // one the receiver closed just as it is reused (a failed attempt for nothing; seen once in the tests).
                .setKeepAlive(false)
                .setName("webhook-deliveries"));
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    /**
     * Resolves the target once, checks every address against the rule, and sends the message signed with every
     * secret given to the address checked. A refused or unresolvable target is a failed attempt (nothing sent).
     */
    public Attempt send(String url, TargetUrls rule, Message message, List<byte[]> secrets) {
        OffsetDateTime attemptedAt = SuiteClock.timestamp(clock);
        long started = System.nanoTime();
        TargetUrls.Pinned target;
        try {
            target = rule.pin(url, resolver);
        } catch (ProblemException refused) {
            boolean unresolvable = refused.problem().type() != null
                    && refused.problem().type().toString().endsWith(TargetUrls.UNRESOLVABLE);
            return Attempt.failed(message.id(), attemptedAt, millisSince(started),
                    unresolvable ? Attempt.Failure.UNREACHABLE : Attempt.Failure.REFUSED,
                    (unresolvable ? "could not reach the endpoint: " : "the target is refused: ")
                            + refused.getMessage());
        }
        return send(target, message, secrets, attemptedAt, started);
    }

    private Attempt send(TargetUrls.Pinned target, Message message, List<byte[]> secrets, OffsetDateTime attemptedAt,
                         long started) {
        long timestamp = SIGNING_CLOCK.instant().getEpochSecond();
        URI url = target.url();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // Connect here, and nowhere else: the address checked, already resolved (no lookup by the client).
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                // ...while the request names the URL's host: Host header, SNI, certificate check.
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(pathAndQuery(url))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Grassroots-Webhooks/1")
                .putHeader("webhook-id", message.id())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(message.id(), timestamp, message.body(), secrets));
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Future<Answer> answer = client.request(options).compose(request -> {
            sent.set(request);
            return request.send(Buffer.buffer(message.body(), "UTF-8"));
        }).compose(WebhookSender::excerpt);
        try {
            Answer a = answer.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = a.status();
            boolean succeeded = status >= 200 && status < 300;
            boolean redirect = status >= 300 && status < 400;
            return new Attempt(message.id(), attemptedAt, succeeded, status, millisSince(started), a.excerpt(),
                    redirect ? "redirects are not followed" : null, retryAfter(a.retryAfter()),
                    succeeded ? null : redirect ? Attempt.Failure.REDIRECT : Attempt.Failure.STATUS);
        } catch (TimeoutException e) {
            reset(sent.get());
            return timedOut(message, attemptedAt, started);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return timedOut(message, attemptedAt, started);
            }
            return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.UNREACHABLE,
                    "could not reach the endpoint: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(sent.get());
            return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.INTERRUPTED,
                    "interrupted");
        }
    }

    /** The status, Retry-After and the first {@value #EXCERPT_BYTES} bytes of the body (the rest is not read). */
    private record Answer(int status, String retryAfter, String excerpt) {
    }

    private static Future<Answer> excerpt(HttpClientResponse response) {
        Promise<Answer> done = Promise.promise();
        Buffer collected = Buffer.buffer();
        Runnable finish = () -> done.tryComplete(new Answer(response.statusCode(), response.getHeader("retry-after"),
                collected.toString(StandardCharsets.UTF_8)));
        response.handler(chunk -> {
            int room = EXCERPT_BYTES - collected.length();
            if (room > 0) {
                collected.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
            if (collected.length() >= EXCERPT_BYTES) {
                finish.run();
                // A body past the excerpt is not ours to read: the connection goes rather than being drained.
                response.request().reset();
            }
        });
        response.endHandler(end -> finish.run());
        response.exceptionHandler(e -> finish.run());
        return done.future();
    }

    private Attempt timedOut(Message message, OffsetDateTime attemptedAt, long started) {
        return Attempt.failed(message.id(), attemptedAt, millisSince(started), Attempt.Failure.TIMEOUT,
                "no answer within " + timeout.toSeconds() + " s");
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** What went wrong, without addresses or the receiver's words. */
    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof SSLException) {
            return "TLS failed (" + cause.getClass().getSimpleName() + ")";
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /**
     * {@code Retry-After} as a wait: delay-seconds, or an HTTP date measured against real time (the receiver's
     * clock is real, not the suite's); null when absent or unreadable.
     */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(SIGNING_CLOCK.instant(), at.toInstant());
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
