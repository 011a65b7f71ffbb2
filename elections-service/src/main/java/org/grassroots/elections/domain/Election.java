package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** An election, keyed by its Democracy Club election id. */
@Entity
@Table(name = "election")
public class Election extends PanacheEntityBase {

    @Id
    @Column(name = "election_id")
    public String electionId;

    @Column(nullable = false)
    public String name;

    @Column(name = "poll_date", nullable = false)
    public LocalDate pollDate;
}
