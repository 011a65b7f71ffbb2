package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One office-holder (from elections-service) linked to a member, and whether they hold office for our party. */
@Entity
@Table(name = "office_holding")
public class OfficeHolding extends PanacheEntityBase {

    @Id
    @Column(name = "office_holder_id")
    public UUID officeHolderId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "for_our_party", nullable = false)
    public boolean forOurParty;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether the member holds any office for our party. */
    public static boolean anyForOurParty(UUID memberId) {
        return count("memberId = ?1 and forOurParty = true", memberId) > 0;
    }
}
