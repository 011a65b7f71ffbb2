package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** On whose behalf an office-holder sits from one date to another (Popolo's onBehalfOf); no party = independent. */
@Entity
@Table(name = "office_holder_affiliation")
public class Affiliation extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "office_holder_id")
    public OfficeHolder officeHolder;

    @ManyToOne
    @JoinColumn(name = "party_id")
    public Party party;

    public LocalDate startDate;

    /** Inclusive; null while current. */
    public LocalDate endDate;

    public String endReason;

    public boolean overlaps(LocalDate start, LocalDate end) {
        LocalDate myEnd = endDate == null ? LocalDate.MAX : endDate;
        LocalDate otherEnd = end == null ? LocalDate.MAX : end;
        return !start.isAfter(myEnd) && !startDate.isAfter(otherEnd);
    }
}
