package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an office-holder's history. */
@Entity
@Table(name = "office_holder_change")
public class OfficeHolderChange extends PanacheEntityBase {

    public enum Kind { took_office, changed_party, left_office }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "office_holder_id")
    public OfficeHolder officeHolder;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public LocalDate effectiveDate;

    @ManyToOne
    @JoinColumn(name = "from_party_id")
    public Party fromParty;

    @ManyToOne
    @JoinColumn(name = "to_party_id")
    public Party toParty;

    public String reason;

    public OffsetDateTime recordedAt;
}
