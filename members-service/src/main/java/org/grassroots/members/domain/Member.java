package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Caller;
import org.hibernate.annotations.BatchSize;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A person on the party's books: a member or a supporter. Personal data: never log it. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    public String givenName;

    public String familyName;

    public String email;

    public String emailNormalised;

    @Enumerated(EnumType.STRING)
    public MembershipStatus status;

    @Enumerated(EnumType.STRING)
    public MembershipType membershipType;

    public UUID branchId;

    public String phone;

    public String postcode;

    public String origin;

    public String externalId;

    public java.time.LocalDate duesPaidUntil;

    /** Street lines of the postal address (up to three); the postcode is {@link #postcode}. */
    public String[] addressLines = new String[0];

    public String locality;

    public String region;

    // Eager like tags and roles: every view of a member shows them.
    /** Email addresses besides the primary one; each one finds this person on a later signup. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_email", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "address")
    @BatchSize(size = 200)
    public Set<String> additionalEmails = new TreeSet<>();

    /** Phone numbers (E.164) besides the primary one. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_phone", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "number")
    @BatchSize(size = 200)
    public Set<String> additionalPhones = new TreeSet<>();

    public OffsetDateTime joinedAt;

    public OffsetDateTime updatedAt;

    // Eager: every view of a member shows them, also after the transaction that loaded it has ended.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_tag", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "tag")
    @BatchSize(size = 200)
    public Set<String> tags = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 200)
    public Set<PartyRole> roles = new TreeSet<>();

    @Version
    public long version;

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Every address of the person, additional ones first, the primary last. */
    public List<String> allEmails() {
        List<String> emails = new java.util.ArrayList<>(additionalEmails);
        emails.add(email);
        return emails;
    }

    /** The person with this email address, primary or additional (case-insensitive). */
    @SuppressWarnings("unchecked")
    public static Optional<Member> findByEmail(String email) {
        List<Member> found = getEntityManager().createNativeQuery("""
                        select * from member
                        where email_normalised = ?1
                           or id = (select member_id from member_email where lower(address) = ?1)""", Member.class)
                .setParameter(1, normaliseEmail(email))
                .getResultList();
        return found.stream().findFirst();
    }

    /** Whether this address is recorded for anyone but {@code except} (primary or additional). */
    public static boolean emailTakenByAnother(String email, UUID except) {
        return findByEmail(email).filter(other -> !other.id.equals(except)).isPresent();
    }

    /** The member with this id, or a 404 problem. */
    public static Member require(UUID id) {
        return Member.<Member>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Member " + id));
    }

    public static Optional<Member> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Admins, and the organisers of the member's branch, manage a member's record. */
    public boolean isManagedBy(Caller caller) {
        return caller.managesBranch(branchId);
    }

    /** Those who manage the record, and the person themself, may read it. */
    public boolean isReadableBy(Caller caller) {
        return isManagedBy(caller) || caller.is(id);
    }
}
