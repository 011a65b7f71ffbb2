package org.grassroots.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.grassroots.gateway.admission.Admission;
import org.grassroots.gateway.admission.Gatekeeper;
import org.grassroots.kit.problem.RoutedProblem;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.grassroots.gateway.config.GatewayConfig;

/**
 * Forwards requests by path prefix to the owning service over pooled keep-alive connections, streaming bodies
 * both ways without buffering them. A service that can't be reached answers 503, one that is too slow 504, both
 * as problem+json. Every request carries an {@code X-Request-Id}, generated here unless the client sent one.
 */
@ApplicationScoped
public class ReverseProxy {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** Connection-scoped headers (RFC 9110 §7.6.1), and the API key the gateway exchanges: never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("x-api-key", "connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "http2-settings");

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Gatekeeper gatekeeper;

    void install(@Observes Router router, Vertx vertx) {
        config.services().forEach((name, upstream) -> {
            // Each service has its own clients, connection pools and waiting queues, and its own breaker: one slow
            // or failing service uses up only its own.
            CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openDuration(), config.upstreamTimeout().plus(config.connectTimeout()));
            UpstreamClients clients = new UpstreamClients(vertx, upstream.url(), config);
            ProxyTimers timers = new ProxyTimers(meters, name);
            for (String prefix : upstream.prefixes()) {
                router.route(prefix).order(-10).handler(rc -> admit(rc, clients, breaker, timers, name));
                router.route(prefix + "/*").order(-10).handler(rc -> admit(rc, clients, breaker, timers, name));
            }
        });
    }

    private void admit(RoutingContext rc, UpstreamClients clients, CircuitBreaker breaker, ProxyTimers timers,
                       String service) {
        HttpServerRequest in = rc.request();
        in.pause();
        long started = System.nanoTime();
        rc.addEndHandler(done -> timers.of(in.method(), rc.response().getStatusCode())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        String requestId = requestId(in);
        gatekeeper.admit(in, service).onComplete(admitted -> {
            if (admitted.failed()) {
                LOG.errorf(admitted.cause(), "Admission of request %s failed", requestId);
                in.resume();
                RoutedProblem.of(500, "internal", "Internal error", "Reference " + requestId).send(rc, requestId);
            } else if (admitted.result().refused()) {
                in.resume(); // the body is dropped: the connection stays usable
                admitted.result().refusal().send(rc, requestId);
            } else if (!breaker.allow(System.nanoTime())) {
                in.resume();
                RoutedProblem.of(503, "upstream-unavailable", "Service unavailable", "The " + service
                                + " service is failing; the gateway is not sending it requests for a moment")
                        .with("Retry-After", Long.toString(breaker.secondsUntilProbe(System.nanoTime())))
                        .send(rc, requestId);
            } else {
                forward(rc, clients.current(), breaker, service, requestId, admitted.result());
            }
        });
    }

    private void forward(RoutingContext rc, HttpClient client, CircuitBreaker breaker, String service, String requestId,
                         Admission admission) {
        HttpServerRequest in = rc.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setURI(in.uri())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                fail(rc, breaker, service, requestId, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            copyHeaders(in.headers(), out.headers());
            if (admission.authorization() != null) {
                out.headers().remove(HttpHeaders.AUTHORIZATION);
                out.putHeader(HttpHeaders.AUTHORIZATION, admission.authorization());
            }
            out.putHeader(REQUEST_ID, requestId);
            out.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            out.putHeader("X-Forwarded-Proto", in.scheme());
            if (in.headers().contains(HttpHeaders.HOST)) {
                out.putHeader("X-Forwarded-Host", in.getHeader(HttpHeaders.HOST));
            }
            Future<HttpClientResponse> sent;
            if (hasBody(in)) {
                sent = out.send(in);
            } else {
                // Streaming an empty body would make a GET chunked (Transfer-Encoding plus an empty last chunk),
                // which the service then has to read as a body: forward it as it came, without one.
                in.resume();
                sent = out.send();
            }
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    fail(rc, breaker, service, requestId, answered.cause());
                } else {
                    int status = answered.result().statusCode();
                    if (status == 502 || status == 503 || status == 504) {
                        breaker.failed(System.nanoTime());
                    } else {
                        breaker.succeeded();
                    }
                    admission.responseHeaders().forEach(rc.response()::putHeader);
                    relay(answered.result(), rc.response(), requestId);
                }
            });
        });
    }

    /** Whether the request carries a body (HTTP/1: a length above 0 or chunked; HTTP/2 may carry one without). */
    private static boolean hasBody(HttpServerRequest in) {
        if (in.version() == HttpVersion.HTTP_2 || in.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }

    private static void relay(HttpClientResponse from, HttpServerResponse to, String requestId) {
        to.setStatusCode(from.statusCode());
        copyHeaders(from.headers(), to.headers());
        to.putHeader(REQUEST_ID, requestId);
        if (!from.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            to.setChunked(true);
        }
        from.pipeTo(to);
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.equals("host")) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static String requestId(HttpServerRequest in) {
        String given = in.getHeader(REQUEST_ID);
        if (given != null && given.length() <= 200 && given.matches("[A-Za-z0-9._:-]+")) {
            return given;
        }
        // A request id must be unique, not unguessable: a version-4 UUID from a fast, non-blocking generator.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static void fail(RoutingContext rc, CircuitBreaker breaker, String service, String requestId,
                             Throwable cause) {
        // A full waiting queue is load, not a failing service: it must not open the breaker.
        if (!(cause instanceof ConnectionPoolTooBusyException)) {
            breaker.failed(System.nanoTime());
        }
        boolean slow = cause instanceof TimeoutException
                || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
        int status = slow ? 504 : 503;
        LOG.warnf("%s %s -> %s failed (%s), request %s", rc.request().method(), rc.request().path(), service,
                cause.getClass().getSimpleName(), requestId);
        RoutedProblem.of(status, slow ? "upstream-timeout" : "upstream-unavailable",
                        slow ? "Gateway timeout" : "Service unavailable",
                        "The " + service + " service " + (slow ? "did not answer in time" : "is unavailable")
                                + "; try again shortly")
                .with("Retry-After", "5")
                .send(rc, requestId);
    }
}
