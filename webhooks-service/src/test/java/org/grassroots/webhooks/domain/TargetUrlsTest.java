package org.grassroots.webhooks.domain;

import org.grassroots.kit.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL rule as production applies it (https required, private targets refused). */
class TargetUrlsTest {

    private final TargetUrls production = new TargetUrls(true, false);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/x", "https://localhost/x", "https://10.1.2.3/", "https://172.16.0.1/",
            "https://192.168.1.20/", "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/", "https://[::1]/",
            "https://[fd00::1]/", "https://[fe80::1]/", "https://100.64.0.1/"})
    void aTargetOnLoopbackPrivateOrLinkLocalAddressesIsRefusedWith422(String url) {
        ProblemException refused = assertThrows(ProblemException.class, () -> production.check(url));
        assertEquals(422, refused.problem().status());
        assertEquals("url", refused.problem().errors().get(0).field());
    }

    @Test
    void aPublicHttpsTargetIsAccepted() {
        assertDoesNotThrow(() -> production.check("https://93.184.215.14/hooks?x=1"));
        assertDoesNotThrow(() -> production.check("https://[2606:4700::1111]/hooks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "/relative", "ftp://93.184.215.14/", "http://93.184.215.14/",
            "https://user:pass@93.184.215.14/", "mailto:someone@example.org", ""})
    void aUrlThatIsNoAbsoluteHttpsUrlIsRefusedWith400(String url) {
        ProblemException refused = assertThrows(ProblemException.class, () -> production.check(url));
        assertEquals(400, refused.problem().status());
        assertEquals("url", refused.problem().errors().get(0).field());
    }

    @Test
    void offProductionPlainHttpAndPrivateTargetsMayBeAllowed() {
        TargetUrls local = new TargetUrls(false, true);
        assertDoesNotThrow(() -> local.check("http://127.0.0.1:8099/hooks"));
        assertDoesNotThrow(() -> local.check("http://localhost/hooks"));
        assertEquals(422, assertThrows(ProblemException.class,
                () -> new TargetUrls(false, false).check("http://localhost/hooks")).problem().status());
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] all = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            all[i] = InetAddress.getByName(literals[i]); // literals: no lookup
        }
        return all;
    }

    @Test
    void theAddressDecisionRefusesANameIfAnyOfItsAddressesIsNotPublicAndOtherwiseTakesTheFirst() throws Exception {
        ProblemException mixed = assertThrows(ProblemException.class, () -> TargetUrls.choose("hooks.example",
                addresses("93.184.215.14", "127.0.0.1"), false));
        assertEquals(422, mixed.problem().status());
        assertEquals(TargetUrls.NOT_PUBLIC, mixed.problem().type().toString().replaceAll(".*/", ""));
        assertTrue(mixed.getMessage().contains("127.0.0.1"), mixed.getMessage());
        assertThrows(ProblemException.class, () -> TargetUrls.choose("hooks.example",
                addresses("10.0.0.1", "93.184.215.14"), false), "a private address first is refused too");
        assertEquals(InetAddress.getByName("2606:4700::1111"), TargetUrls.choose("hooks.example",
                addresses("2606:4700::1111", "93.184.215.14"), false), "all public: the first, the one connected to");
        assertEquals(InetAddress.getByName("127.0.0.1"), TargetUrls.choose("localhost", addresses("127.0.0.1"), true),
                "where private targets are allowed, the first address all the same");
        ProblemException none = assertThrows(ProblemException.class, () -> TargetUrls.choose("hooks.example",
                new InetAddress[0], false));
        assertEquals(TargetUrls.UNRESOLVABLE, none.problem().type().toString().replaceAll(".*/", ""));
    }

    @Test
    void pinningResolvesTheHostOnceAndKeepsTheNameForTheRequest() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetUrls.Resolver dns = host -> {
            lookups.incrementAndGet();
            assertEquals("hooks.example", host);
            return addresses("93.184.215.14");
        };
        TargetUrls.Pinned pinned = production.pin("https://hooks.example/in?x=1", dns);
        assertEquals(1, lookups.get(), "one lookup per attempt");
        assertEquals("hooks.example", pinned.host());
        assertEquals(443, pinned.port());
        assertTrue(pinned.https());
        assertEquals(InetAddress.getByName("93.184.215.14"), pinned.address());
        assertEquals(8443, production.pin("https://hooks.example:8443/", dns).port());

        TargetUrls.Resolver rebound = host -> addresses("127.0.0.1");
        assertEquals(422, assertThrows(ProblemException.class, () -> production.pin("https://hooks.example/", rebound))
                .problem().status(), "a name that resolves to loopback at sending time is refused then");
        TargetUrls.Resolver unknown = host -> {
            throw new UnknownHostException(host);
        };
        assertEquals(TargetUrls.UNRESOLVABLE, assertThrows(ProblemException.class,
                () -> production.pin("https://hooks.example/", unknown)).problem().type().toString()
                .replaceAll(".*/", ""));
    }
}
