package org.grassroots.kit.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an erasure names an email address without carrying it: HMAC-SHA256 under a secret every service shares
 * ({@code GRASSROOTS_ERASURE_DIGEST_KEY}), of the address trimmed and lower-cased, in hex. Without the secret a
 * digest cannot be tested against a list of addresses.
 * <p>
 * Rotation: set the new secret as the key and the old one in {@code GRASSROOTS_ERASURE_DIGEST_PREVIOUS_KEYS} on
 * every service. An erasure then names each address under every configured secret, so a service still on the old
 * secret finds its copies; once all run the new one, drop the previous keys. Nothing stored needs rewriting: the
 * digests are only ever sent, in {@code member.erased}, and services compare them with digests they compute.
 */
@ApplicationScoped
public class ErasureDigests {

    private final byte[] key;
    private final List<byte[]> previousKeys = new ArrayList<>();

    ErasureDigests(@ConfigProperty(name = "grassroots.erasure.digest-key") String key,
                   @ConfigProperty(name = "grassroots.erasure.digest-previous-keys") Optional<List<String>> previous) {
        if (key.length() < 16) {
            throw new IllegalStateException("grassroots.erasure.digest-key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
        previous.ifPresent(keys -> keys.forEach(k -> previousKeys.add(k.getBytes(StandardCharsets.UTF_8))));
    }

    /** The digest of the address under the current secret: what this service compares with. */
    public String of(String email) {
        return hmac(key, normalise(email));
    }

    /** The digests an erasure sends for these addresses: under the current and every previous secret. */
    public List<String> toSend(Collection<String> emails) {
        List<String> digests = new ArrayList<>();
        for (String email : emails) {
            String normalised = normalise(email);
            digests.add(hmac(key, normalised));
            previousKeys.forEach(previous -> digests.add(hmac(previous, normalised)));
        }
        return digests.stream().distinct().sorted().toList();
    }

    public static boolean looksLikeDigest(String value) {
        return value != null && value.matches("[0-9a-f]{64}");
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String hmac(byte[] secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
