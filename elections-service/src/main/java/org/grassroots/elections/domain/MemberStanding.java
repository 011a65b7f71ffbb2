package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's standing as elections-service knows it from member events: who may be selected as a candidate. */
@Entity
@Table(name = "member_projection")
public class MemberStanding extends PanacheEntityBase {

    @Id
    public UUID memberId;

    public String status;

    public OffsetDateTime joinedAt;

    public OffsetDateTime updatedAt;

    public boolean inGoodStanding() {
        return "active".equals(status);
    }
}
