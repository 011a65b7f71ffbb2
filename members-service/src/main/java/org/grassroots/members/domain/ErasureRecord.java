package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit trail of an erasure: that it happened, when, and on whose authority (a role, not a person). */
@Entity
@Table(name = "erasure_audit")
public class ErasureRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The erased member; null for an erasure by email address of someone who was not a member. */
    public UUID memberId;

    /** {@code member} or {@code email}. */
    public String subject = "member";

    public OffsetDateTime erasedAt;

    public String requestedBy;
}
