package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A person on the party's books: a member or a supporter. Personal data: never log it. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(nullable = false)
    public String email;

    @Column(name = "email_normalised", nullable = false)
    public String emailNormalised;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipStatus status;

    @Column(name = "joined_at", nullable = false)
    public OffsetDateTime joinedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Member> findByEmail(String email) {
        return find("emailNormalised", normaliseEmail(email)).firstResultOptional();
    }
}
