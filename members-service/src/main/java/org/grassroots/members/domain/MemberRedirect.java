package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The id of a record merged into another, pointing at the survivor. */
@Entity
@Table(name = "member_redirect")
public class MemberRedirect extends PanacheEntityBase {

    @Id
    public UUID mergedId;

    public UUID survivorId;

    public OffsetDateTime mergedAt;
}
