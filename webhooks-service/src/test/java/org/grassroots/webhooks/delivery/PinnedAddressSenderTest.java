package org.grassroots.webhooks.delivery;

import io.vertx.core.Vertx;
import org.grassroots.webhooks.domain.TargetUrls;
import org.grassroots.testing.webhooks.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender connects to the address the check resolved, and nowhere else: a real Vert.x client and a real
 * receiver on loopback, with a resolver of the test's own for a name no DNS knows ({@code .invalid}, RFC 6761). Had
 * the client resolved the name itself it could not have connected at all.
 */
class PinnedAddressSenderTest {

    private static final String NAME = "receiver.webhooks.invalid";
    private static final List<byte[]> SECRETS = List.of(new byte[32]);
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Answers {@code first} to the first lookup and {@code later} to every other, counting them. */
    private record Dns(AtomicInteger lookups, InetAddress[] first, InetAddress[] later) implements TargetUrls.Resolver {
        Dns(String first, String later) throws Exception {
            this(new AtomicInteger(), new InetAddress[] {InetAddress.getByName(first)},
                    new InetAddress[] {InetAddress.getByName(later)});
        }

        @Override
        public InetAddress[] resolve(String host) {
            assertEquals(NAME, host);
            return lookups.getAndIncrement() == 0 ? first : later;
        }
    }

    private static WebhookSender sender(TargetUrls.Resolver dns) {
        return new WebhookSender(vertx, Duration.ofSeconds(3), 4, Clock.systemUTC(), dns);
    }

    @Test
    void theDeliveryGoesToTheCheckedAddressWithTheNameInTheHostHeaderAndTheNameIsResolvedOncePerAttempt()
            throws Exception {
        try (Receiver receiver = new Receiver()) {
            int port = Integer.parseInt(receiver.url("").replaceAll(".*:", ""));
            // A second lookup would answer a TEST-NET address (RFC 5737), where nothing answers: it must not happen.
            Dns dns = new Dns("127.0.0.1", "192.0.2.1");
            WebhookSender sender = sender(dns);
            Attempt attempt = sender.send("http://" + NAME + ":" + port + "/in?x=1", new TargetUrls(false, true),
                    new Message("msg_1", "ping", "{\"n\":1}"), SECRETS);

            assertTrue(attempt.succeeded(), () -> "delivered: " + attempt);
            assertEquals(1, dns.lookups().get(), "the name was resolved once, by the check, not again to connect");
            Receiver.Received received = receiver.last();
            assertEquals(NAME + ":" + port, received.header("host"), "the request names the URL's host");
            assertEquals("msg_1", received.header("webhook-id"));
            assertEquals("{\"n\":1}", received.body());

            // The next attempt resolves again (once): now the TEST-NET answer, and that is where it goes (and fails).
            Attempt next = sender.send("http://" + NAME + ":" + port + "/in", new TargetUrls(false, true),
                    new Message("msg_2", "ping", "{\"n\":2}"), SECRETS);
            assertEquals(2, dns.lookups().get());
            assertTrue(!next.succeeded() && next.statusCode() == null, () -> "not delivered: " + next);
            assertEquals(1, receiver.received().size(), "nothing reached the receiver the first answer named");
        }
    }

    @Test
    void aNameThatResolvesToLoopbackWherePrivateTargetsAreRefusedIsAFailedAttemptAndNothingIsSent() throws Exception {
        try (Receiver receiver = new Receiver()) {
            int port = Integer.parseInt(receiver.url("").replaceAll(".*:", ""));
            Dns dns = new Dns("127.0.0.1", "127.0.0.1");
            Attempt attempt = sender(dns).send("http://" + NAME + ":" + port + "/in", new TargetUrls(false, false),
                    new Message("msg_3", "ping", "{}"), SECRETS);

            assertEquals(Attempt.Failure.REFUSED, attempt.failure());
            assertNull(attempt.statusCode());
            assertTrue(attempt.error().startsWith("the target is refused: ")
                    && attempt.error().contains("127.0.0.1"), attempt.error());
            assertEquals(1, dns.lookups().get());
            assertTrue(receiver.received().isEmpty(), "nothing was sent");
        }
    }

    @Test
    void aBodyPastTheExcerptIsCutAtTheFirstKilobyte() throws Exception {
        try (Receiver receiver = new Receiver().answers(500, "x".repeat(200_000))) {
            int port = Integer.parseInt(receiver.url("").replaceAll(".*:", ""));
            Attempt attempt = sender(new Dns("127.0.0.1", "127.0.0.1")).send("http://" + NAME + ":" + port + "/",
                    new TargetUrls(false, true), new Message("msg_4", "ping", "{}"), SECRETS);
            assertEquals(500, attempt.statusCode());
            assertEquals(Attempt.Failure.STATUS, attempt.failure());
            assertEquals(WebhookSender.EXCERPT_BYTES, attempt.response().length());
        }
    }
}
