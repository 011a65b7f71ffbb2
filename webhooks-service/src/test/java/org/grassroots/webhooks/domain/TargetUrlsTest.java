package org.grassroots.webhooks.domain;

import org.grassroots.kit.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
