package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a candidacy through selection. */
@Entity
@Table(name = "candidacy_stage_change")
public class StageChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "candidacy_id")
    public Candidacy candidacy;

    @Enumerated(EnumType.STRING)
    public SelectionStage fromStage;

    @Enumerated(EnumType.STRING)
    public SelectionStage toStage;

    public String reason;

    public OffsetDateTime changedAt;
}
