package org.grassroots.webhooks.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body} keyed with the
 * secret's decoded bytes, one per live secret, space-separated in {@code webhook-signature}.
 */
public final class Signatures {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** 32 random bytes: the key material of a new secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as shown to its owner: {@code whsec_} + base64. */
    public static String display(byte[] secret) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The {@code webhook-signature} header: one {@code v1,} signature per secret, space-separated. */
    public static String header(String messageId, long timestamp, String body, List<byte[]> secrets) {
        return secrets.stream().map(s -> sign(messageId, timestamp, body, s)).collect(Collectors.joining(" "));
    }

    static String sign(String messageId, long timestamp, String body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
