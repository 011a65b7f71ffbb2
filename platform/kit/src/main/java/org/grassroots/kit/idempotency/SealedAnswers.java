package org.grassroots.kit.idempotency;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a remembered answer is kept: sealed (AES-256-GCM) under a key derived from the client's Idempotency-Key,
 * which is stored only as a hash. Whoever reads the database cannot open an answer (a member's record, a
 * cancellation token); the client that sends the key again can. Derivations are domain-separated so the stored
 * lookup hash says nothing about the sealing key.
 */
final class SealedAnswers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedAnswers() {
    }

    /** What the store keeps of the client's key: SHA-256 of the caller and the key, in hex. */
    static String lookupHash(String caller, String key) {
        return HexFormat.of().formatHex(sha256("grassroots-idempotency-lookup", caller, key));
    }

    static String seal(String caller, String key, String answer) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, caller, key, nonce);
            byte[] sealed = cipher.doFinal(answer.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The answer, or null if it does not open with this key (it cannot: the lookup matched). */
    static String open(String caller, String key, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, caller, key, nonce);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Cipher cipher(int mode, String caller, String key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(sha256("grassroots-idempotency-seal", caller, key), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] sha256(String purpose, String caller, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{purpose, caller, key}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array()); // unambiguous concatenation
                digest.update(bytes);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
