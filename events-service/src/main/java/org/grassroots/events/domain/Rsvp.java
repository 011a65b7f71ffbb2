package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone's RSVP to a timeslot, or their walk-in: a member (by id only) or a member of the public (name, email and
 * whether they agreed to be contacted). Anonymised when a member is erased; the counts stay.
 */
@Entity
@Table(name = "rsvp")
public class Rsvp extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Drawn from a sequence at insert, under the timeslot's lock: the waitlist order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public UUID eventId;

    public UUID timeslotId;

    public UUID memberId;

    public String givenName;

    public String familyName;

    public String email;

    public String emailNormalised;

    public boolean contactConsent;

    @Enumerated(EnumType.STRING)
    public RsvpStatus status;

    public boolean attended;

    public OffsetDateTime checkedInAt;

    public boolean anonymised;

    /** Recorded by an organiser as attending a timeslot that had started, without an RSVP beforehand. */
    public boolean walkIn;

    /** SHA-256 (hex) of the token a member of the public cancels with; null for members' RSVPs. */
    public String cancellationTokenHash;

    /** The token itself, only in memory while the RSVP is being created: it is shown once, to its owner. */
    @jakarta.persistence.Transient
    public String cancellationToken;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public static Rsvp require(UUID eventId, UUID id) {
        return Rsvp.<Rsvp>findByIdOptional(id).filter(r -> r.eventId.equals(eventId))
                .orElseThrow(() -> ProblemException.notFound("RSVP " + id));
    }

    public static long count(UUID timeslotId, RsvpStatus status) {
        return count("timeslotId = ?1 and status = ?2", timeslotId, status);
    }

    /** The longest-waiting RSVP of the timeslot, if any. */
    public static Optional<Rsvp> firstWaitlisted(UUID timeslotId) {
        return find("timeslotId = ?1 and status = ?2 order by seq", timeslotId, RsvpStatus.waitlisted)
                .firstResultOptional();
    }

    /** Issues a new cancellation token, keeping only its hash. */
    public void issueCancellationToken() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        cancellationToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        cancellationTokenHash = hash(cancellationToken);
    }

    public boolean cancellableWith(String token) {
        return token != null && cancellationTokenHash != null && java.security.MessageDigest.isEqual(
                cancellationTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                hash(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String hash(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
