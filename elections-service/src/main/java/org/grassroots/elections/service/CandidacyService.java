package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.MemberStanding;
import org.grassroots.elections.domain.Party;
import org.grassroots.elections.domain.SelectionStage;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/** Candidate selection inside the party, and the other parties' candidates on the same ballots. */
@ApplicationScoped
public class CandidacyService {

    @Inject
    Clock clock;

    @Inject
    BallotService ballots;

    @Inject
    PartyService parties;

    /** A member of ours applies, or is nominated, for a ballot: the candidacy starts at {@code applied}. */
    @Transactional
    public Candidacy enter(String ballotPaperId, UUID memberId, String name, Candidacy.Route route) {
        Election ballot = openBallot(ballotPaperId);
        Party ours = parties.ours().orElseThrow(() -> ProblemException.unprocessable("our-party-missing",
                "Our party (Electoral Commission id " + parties.ourPartyEcId() + ") is not recorded yet: POST /parties"));
        MemberStanding standing = MemberStanding.<MemberStanding>findByIdOptional(memberId).orElseThrow(() ->
                ProblemException.unprocessable("member-unknown", "memberId: no member " + memberId + " is known here (yet)"));
        if (Candidacy.count("ballot = ?1 and memberId = ?2", ballot, memberId) > 0) {
            throw ProblemException.conflict("candidacy-exists", "This member is in selection for this ballot already");
        }
        Candidacy candidacy = newCandidacy(ballot, ours, name);
        candidacy.memberId = memberId;
        candidacy.route = route;
        candidacy.memberLapsed = !standing.inGoodStanding();
        candidacy.moveTo(SelectionStage.applied, route.name(), SuiteClock.timestamp(clock));
        candidacy.persist();
        return candidacy;
    }

    /** Another party's (or an independent's) candidate, as on the statement of persons nominated. */
    @Transactional
    public Candidacy addOther(String ballotPaperId, String name, UUID partyId) {
        Election ballot = openBallot(ballotPaperId);
        Party party = partyId == null ? null : parties.referenced("partyId", partyId);
        if (parties.isOurs(party)) {
            throw ProblemException.unprocessable("our-candidate", "partyId: our own candidates come through "
                    + "selection (POST /candidacies)");
        }
        Candidacy candidacy = newCandidacy(ballot, party, name);
        candidacy.moveTo(SelectionStage.standing, null, SuiteClock.timestamp(clock));
        candidacy.persist();
        return candidacy;
    }

    @Transactional
    public Candidacy changeStage(UUID id, SelectionStage next, String reason) {
        Candidacy candidacy = find(id);
        if (candidacy.route == null) {
            throw ProblemException.conflict("not-in-selection", "Only our party's candidacies go through selection");
        }
        if (!candidacy.stage.canMoveTo(next)) {
            throw ProblemException.unprocessable("invalid-stage-change", "stage: a candidacy cannot move from "
                    + candidacy.stage + " to " + next);
        }
        if (next.needsGoodStanding()) {
            boolean good = candidacy.memberId != null && MemberStanding.<MemberStanding>findByIdOptional(candidacy.memberId)
                    .map(MemberStanding::inGoodStanding).orElse(false);
            if (!good) {
                throw ProblemException.unprocessable("member-not-in-good-standing", "stage: only active members can be "
                        + next + "; this member's membership is not active");
            }
        }
        if (next == SelectionStage.standing && candidacy.ballot.candidatesLocked) {
            throw ProblemException.conflict("candidates-locked", "The ballot's candidates are locked");
        }
        candidacy.moveTo(next, reason, SuiteClock.timestamp(clock));
        return candidacy;
    }

    public Candidacy find(UUID id) {
        return Candidacy.<Candidacy>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Candidacy " + id));
    }

    /** Everyone on or heading for a ballot, for the elections team. */
    public List<Candidacy> onBallot(String ballotPaperId) {
        Election ballot = ballots.find(ballotPaperId);
        return Candidacy.list("ballot = ?1 order by createdAt, id", ballot);
    }

    /** Those standing: what the public sees. */
    public List<Candidacy> standing(String ballotPaperId) {
        Election ballot = ballots.find(ballotPaperId);
        return Candidacy.list("ballot = ?1 and stage = ?2 order by name, id", ballot, SelectionStage.standing);
    }

    private Election openBallot(String ballotPaperId) {
        Election ballot = ballots.find(ballotPaperId);
        if (ballot.cancelled) {
            throw ProblemException.conflict("ballot-cancelled", "The ballot is cancelled");
        }
        if (ballot.candidatesLocked) {
            throw ProblemException.conflict("candidates-locked", "The ballot's candidates are locked");
        }
        return ballot;
    }

    private Candidacy newCandidacy(Election ballot, Party party, String name) {
        Candidacy candidacy = new Candidacy();
        candidacy.id = TimeOrderedIds.next();
        candidacy.ballot = ballot;
        candidacy.party = party;
        candidacy.name = name;
        candidacy.createdAt = SuiteClock.timestamp(clock);
        candidacy.updatedAt = candidacy.createdAt;
        return candidacy;
    }
}
