package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * An election at any level of Democracy Club's hierarchy, keyed by its election id; a ballot is the lowest level
 * and its election id is its ballot paper id.
 */
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

    /** The election one level up; null for an election group. */
    @Column(name = "parent_id")
    public String parentId;

    public ElectionId id() {
        return ElectionId.parse(electionId);
    }
}
