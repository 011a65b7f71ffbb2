package org.grassroots.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local run's and the tests' stand-in for the party's identity provider: signs RS256 JWTs with a
 * development key pair that is checked in and therefore worthless outside a developer's machine.
 * Production configuration never defaults to its public key.
 */
public final class DevTokens {

    public static final String ISSUER = "https://id.grassroots.dev";
    private static final String PRIVATE_KEY = "dev-jwt-private.pem";
    private static final String PUBLIC_KEY = "dev-jwt-public.pem";

    private DevTokens() {
    }

    /** A token for {@code subject} carrying {@code roles} as the {@code groups} claim. */
    public static String token(String subject, Collection<String> roles, Duration lifetime) {
        return token(subject, roles, java.util.Map.of(), lifetime);
    }

    /** As above, plus string claims (e.g. an organiser's {@code branch}). */
    public static String token(String subject, Collection<String> roles, java.util.Map<String, String> claims,
                               Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"grassroots-dev\"}";
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        String extra = claims.entrySet().stream().map(e -> ",\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining());
        String payload = "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":%s,\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"%s}"
                .formatted(ISSUER, subject, subject, groups, now.getEpochSecond(),
                        now.plus(lifetime).getEpochSecond(), UUID.randomUUID(), extra);
        String signingInput = base64Url(header) + "." + base64Url(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    /** The PEM text of the development public key, for a service's {@code mp.jwt.verify.publickey}. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY);
    }

    /**
     * The development JWKS the services verify with in the local run: the dev identity provider's key
     * ({@code kid} grassroots-dev) and the gateway's dev signing key ({@code kid} grassroots-gateway), with which the
     * gateway mints short-lived tokens for API keys.
     */
    public static String jwks() {
        return resource("dev-jwks.json");
    }

    /** The PEM text of the gateway's development signing key (private; worthless outside a developer's machine). */
    public static String gatewaySigningKeyPem() {
        return resource("dev-gateway-private.pem");
    }

    /** The PEM text of the gateway's development public key, for checking the tokens it mints. */
    public static String gatewayPublicKeyPem() {
        return resource("dev-gateway-public.pem");
    }

    /** Writes {@code content} (a key or key set from above) to {@code file}, for a process that takes a location. */
    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the development public key to {@code file} (for services that take a key location). */
    public static Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = resource(PRIVATE_KEY)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
