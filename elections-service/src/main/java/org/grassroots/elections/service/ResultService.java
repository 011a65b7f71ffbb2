package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.BallotResult;
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.Party;
import org.grassroots.elections.domain.SelectionStage;
import org.grassroots.kit.problem.ProblemException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/** Declared results per ballot, and party results summed over an election's ballots. */
@ApplicationScoped
public class ResultService {

    @Inject
    Clock clock;

    /** One candidate's count as declared. */
    public record Count(UUID candidacyId, int votes, boolean elected) {
    }

    /** A party's (or, with a null party, the independents') totals over an election's declared ballots. */
    public record PartyTotal(Party party, long candidates, long votes, long seatsWon) {
    }

    @Inject
    BallotService ballots;

    @Inject
    EntityManager entityManager;

    /** Records (or replaces) a ballot's result: every standing candidate once, no more elected than winners. */
    @Transactional
    public BallotResult declare(String ballotPaperId, Integer electorate, int turnout, int spoilt, List<Count> counts) {
        Election ballot = ballots.find(ballotPaperId);
        if (ballot.cancelled) {
            throw ProblemException.conflict("ballot-cancelled", "The ballot is cancelled: it has no result");
        }
        List<Candidacy> standing = Candidacy.list("ballot = ?1 and stage = ?2", ballot, SelectionStage.standing);
        Map<UUID, Candidacy> byId = new HashMap<>();
        standing.forEach(c -> byId.put(c.id, c));
        Set<UUID> seen = new HashSet<>();
        for (Count count : counts) {
            if (!byId.containsKey(count.candidacyId())) {
                throw ProblemException.unprocessable("not-standing", "candidates: " + count.candidacyId()
                        + " is not a candidate standing on this ballot");
            }
            if (!seen.add(count.candidacyId())) {
                throw ProblemException.unprocessable("duplicate-candidate", "candidates: " + count.candidacyId()
                        + " is counted twice");
            }
        }
        if (seen.size() != standing.size()) {
            throw ProblemException.unprocessable("incomplete-result", "candidates: every candidate standing must be "
                    + "counted (" + standing.size() + " are standing, " + seen.size() + " counted)");
        }
        long elected = counts.stream().filter(Count::elected).count();
        if (elected > ballot.winnerCount) {
            throw ProblemException.unprocessable("too-many-elected", "candidates: " + elected + " elected, but the "
                    + "ballot elects " + ballot.winnerCount);
        }
        for (Count count : counts) {
            Candidacy c = byId.get(count.candidacyId());
            c.votes = count.votes();
            c.elected = count.elected();
            c.updatedAt = SuiteClock.timestamp(clock);
        }
        BallotResult result = BallotResult.<BallotResult>findByIdOptional(ballot.electionId).orElseGet(() -> {
            BallotResult fresh = new BallotResult();
            fresh.ballotId = ballot.electionId;
            return fresh;
        });
        result.electorate = electorate;
        result.turnout = turnout;
        result.spoiltBallots = spoilt;
        result.recordedAt = SuiteClock.timestamp(clock);
        result.persist();
        return result;
    }

    public Optional<BallotResult> result(String ballotPaperId) {
        Election ballot = ballots.find(ballotPaperId);
        return BallotResult.findByIdOptional(ballot.electionId);
    }

    /** Totals per party over every declared ballot at or below {@code electionId}, most votes first. */
    public List<PartyTotal> partyTotals(String electionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with recursive tree (id) as (
                            select election_id from election where election_id = ?1
                            union all
                            select e.election_id from election e join tree t on e.parent_id = t.id)
                        select c.party_id, count(*), coalesce(sum(c.votes), 0),
                               count(*) filter (where c.elected)
                        from candidacy c join ballot_result r on r.ballot_id = c.ballot_id
                        where c.ballot_id in (select id from tree) and c.votes is not null
                        group by c.party_id
                        order by 3 desc""")
                .setParameter(1, electionId)
                .getResultList();
        return rows.stream().map(r -> new PartyTotal(r[0] == null ? null : Party.findById((UUID) r[0]),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }
}
