package org.grassroots.elections.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A ballot's declared result; the votes per candidate are on the candidacies. */
@Entity
@Table(name = "ballot_result")
public class BallotResult extends PanacheEntityBase {

    @Id
    public String ballotId;

    public Integer electorate;

    /** Ballot papers counted, valid or not. */
    public int turnout;

    public int spoiltBallots;

    public OffsetDateTime recordedAt;
}
