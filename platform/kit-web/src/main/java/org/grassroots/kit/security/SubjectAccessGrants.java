package org.grassroots.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.kit.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Members-service's word that a set of addresses belongs to a member, for a subject-access request to events- and
 * elections-service. Those services keep copies under an address without the member id (a public RSVP, a feedback
 * card); a caller's token proves who the caller is, not which addresses are theirs, so only members-service, which
 * knows a member's addresses, may name them. The grant is {@code v1.<expiry>.<HMAC-SHA256>} over the member id, the
 * expiry and the addresses (trimmed, lower-cased, sorted), under a secret the services share
 * ({@code GRASSROOTS_SUBJECT_ACCESS_KEY}), and lives a minute.
 * <p>
 * Rotation: set the new secret as the key and the old one in {@code GRASSROOTS_SUBJECT_ACCESS_PREVIOUS_KEYS} on the
 * answering services first, then the new key on members-service; drop the previous key once all run the new one.
 */
@ApplicationScoped
public class SubjectAccessGrants {

    static final Duration LIFETIME = Duration.ofMinutes(1);

    private final byte[] key;
    private final List<byte[]> acceptedKeys = new ArrayList<>();
    private final Clock clock;

    SubjectAccessGrants(@ConfigProperty(name = "grassroots.subject-access.grant-key") String key,
                        @ConfigProperty(name = "grassroots.subject-access.grant-previous-keys")
                        Optional<List<String>> previous, Clock clock) {
        if (key.length() < 16) {
            throw new IllegalStateException("grassroots.subject-access.grant-key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        acceptedKeys.add(this.key);
        previous.ifPresent(keys -> keys.forEach(k -> acceptedKeys.add(k.getBytes(StandardCharsets.UTF_8))));
    }

    /** A grant for these addresses of this member (members-service, which knows them). */
    public String issue(UUID memberId, List<String> emails) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return "v1." + expires + "." + mac(key, memberId, expires, emails);
    }

    /**
     * The addresses to search under: those of the request when the grant vouches for exactly them, for this member,
     * and is still alive; none asked, none searched. Anything else is a 403: an answer for other addresses than the
     * grant's would be someone else's data.
     */
    public List<String> verifiedEmails(UUID memberId, List<String> emails, String grant) {
        List<String> normalised = normalise(emails);
        if (normalised.isEmpty()) {
            return List.of();
        }
        String[] parts = grant == null ? new String[0] : grant.split("\\.", -1);
        if (parts.length != 3 || !"v1".equals(parts[0]) || !parts[1].matches("\\d{1,12}")) {
            throw forbidden();
        }
        long expires = Long.parseLong(parts[1]);
        if (clock.instant().getEpochSecond() > expires) {
            throw forbidden();
        }
        byte[] presented = parts[2].getBytes(StandardCharsets.US_ASCII);
        for (byte[] accepted : acceptedKeys) {
            byte[] expected = mac(accepted, memberId, expires, emails).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) {
                return normalised;
            }
        }
        throw forbidden();
    }

    private static ProblemException forbidden() {
        return ProblemException.forbidden("Addresses are searched only under members-service's grant for them ("
                + "header Grassroots-Subject-Access-Grant); ask for the export at GET /members/{id}/export");
    }

    private static List<String> normalise(List<String> emails) {
        return emails == null ? List.of() : emails.stream().filter(e -> e != null && !e.isBlank())
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    private static String mac(byte[] secret, UUID memberId, long expires, List<String> emails) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signed = "v1\n" + memberId + "\n" + expires + "\n" + String.join("\n", normalise(emails));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
