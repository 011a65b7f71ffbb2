package org.grassroots.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One entry of a member's membership history. */
@Entity
@Table(name = "member_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID memberId;

    @Enumerated(EnumType.STRING)
    public MembershipStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public MembershipStatus toStatus;

    @Enumerated(EnumType.STRING)
    public StatusChangeKind kind;

    public String reason;

    public OffsetDateTime changedAt;

    public static List<StatusChange> historyOf(UUID memberId) {
        return list("memberId = ?1 order by id", memberId);
    }
}
