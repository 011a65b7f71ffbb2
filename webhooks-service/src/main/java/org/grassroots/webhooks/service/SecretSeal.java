package org.grassroots.webhooks.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Endpoint secrets at rest: sealed with AES-256-GCM under {@code webhooks.secret-key} ({@code WEBHOOKS_SECRET_KEY},
 * base64 of 32 bytes; required in production).
 * <p>
 * Why encrypted and not hashed: a webhook secret is not a password we check but a key we <em>sign with</em> on
 * every delivery, so the service needs it back in clear; a hash could only verify. Sealing under a key that lives
 * in the environment, not in the database, means a copy of the database (a backup, a read replica, a leaked
 * dump) reveals no secret. GCM authenticates as well as encrypts, and the endpoint id is its associated data, so
 * a sealed secret copied onto another endpoint's row fails to open instead of signing for it. Layout: a random
 * 12-byte nonce, then ciphertext and 16-byte tag.
 */
/* Created at start, so that a missing or malformed key stops the service at once, not at the first request. */
@Startup
@ApplicationScoped
public class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSeal(@ConfigProperty(name = "webhooks.secret-key") String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("webhooks.secret-key (WEBHOOKS_SECRET_KEY) must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("webhooks.secret-key (WEBHOOKS_SECRET_KEY) must be base64 of 32 bytes, not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(UUID endpointId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(endpointId));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a webhook secret", e);
        }
    }

    public byte[] open(UUID endpointId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(endpointId));
            return cipher.doFinal(Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open the secret of webhook endpoint " + endpointId
                    + " (wrong webhooks.secret-key?)", e);
        }
    }

    private static byte[] associatedData(UUID endpointId) {
        return ByteBuffer.allocate(16).putLong(endpointId.getMostSignificantBits())
                .putLong(endpointId.getLeastSignificantBits()).array();
    }
}
