package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/**
 * An election at any level of Democracy Club's hierarchy, keyed by its election id; a ballot is the lowest level
 * and its election id is its ballot paper id.
 */
@Entity
@Table(name = "election")
public class Election extends PanacheEntityBase {

    @Id
    public String electionId;

    public String name;

    public LocalDate pollDate;

    /** The election one level up; null for an election group. */
    public String parentId;

    /** Ballots: the post contested. */
    @ManyToOne
    @JoinColumn(name = "post_id")
    public Post post;

    /** Ballots: how many are elected (a by-election may fill fewer than the post's seats). */
    public Integer winnerCount;

    /** Ballots: the statement of persons nominated is published; the candidates are final. */
    public boolean candidatesLocked;

    public boolean cancelled;

    /** Optimistic lock; answered as the ballot's ETag. */
    @Version
    public long version;

    public boolean isBallot() {
        return post != null;
    }

    public ElectionId id() {
        return ElectionId.parse(electionId);
    }
}
