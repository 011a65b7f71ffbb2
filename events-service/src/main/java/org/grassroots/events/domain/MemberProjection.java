package org.grassroots.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The local copy of a member's standing, kept from member events; used to accept members' RSVPs. */
@Entity
@Table(name = "member_projection")
public class MemberProjection extends PanacheEntityBase {

    @Id
    public UUID memberId;

    public String status;

    public OffsetDateTime updatedAt;
}
