package org.grassroots.webhooks.delivery;

import com.standardwebhooks.Webhook;
import org.grassroots.webhooks.service.SecretSeal;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretSealAndSignaturesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aSealedSecretOpensOnlyForItsEndpointAndUnderItsKey() {
        SecretSeal seal = new SecretSeal(KEY);
        UUID endpoint = UUID.randomUUID();
        byte[] secret = Signatures.newSecret();
        byte[] sealed = seal.seal(endpoint, secret);
        assertEquals(12 + 32 + 16, sealed.length, "nonce, ciphertext, tag");
        assertArrayEquals(secret, seal.open(endpoint, sealed));
        assertThrows(IllegalStateException.class, () -> seal.open(UUID.randomUUID(), sealed));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class,
                () -> new SecretSeal(Base64.getEncoder().encodeToString(otherKey)).open(endpoint, sealed));
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new SecretSeal(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> new SecretSeal("not base64!"));
    }

    @Test
    void ourSignatureHeaderVerifiesWithTheOfficialLibraryForEachSecret() {
        byte[] a = Signatures.newSecret();
        byte[] b = Signatures.newSecret();
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"ping\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}";
        String header = Signatures.header("msg_1", now, body, List.of(a, b));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        assertDoesNotThrow(() -> new Webhook(Signatures.display(a)).verify(body, headers));
        assertDoesNotThrow(() -> new Webhook(Signatures.display(b)).verify(body, headers));
        assertThrows(Exception.class, () -> new Webhook(Signatures.display(Signatures.newSecret())).verify(body, headers));
    }
}
