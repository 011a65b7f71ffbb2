package org.grassroots.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An erasure digest as a test expects it, computed here with the JDK's HMAC from the secret the services run with
 * outside production (the kit's default), not with the kit's own code.
 */
public final class TestErasureDigests {

    public static final String LOCAL_SECRET = "local-only-erasure-digest-secret";

    private TestErasureDigests() {
    }

    public static String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LOCAL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(email.trim().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
