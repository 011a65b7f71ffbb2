package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    public UUID officeHolderId;

    public UUID memberId;

    public boolean forOurParty;

    public OffsetDateTime updatedAt;

    /** Whether the member holds any office for our party. */
    public static boolean anyForOurParty(UUID memberId) {
        return count("memberId = ?1 and forOurParty = true", memberId) > 0;
    }
}
