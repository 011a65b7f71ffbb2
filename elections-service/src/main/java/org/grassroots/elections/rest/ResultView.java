package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.BallotResult;
import org.grassroots.elections.domain.Candidacy;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@Schema(name = "ResultView", description = "A ballot's declared result: public.")
public record ResultView(String ballotPaperId, @Schema(nullable = true, description = "Null if not declared") Integer electorate,
                         int turnout, int spoiltBallots,
                         OffsetDateTime recordedAt, List<CandidateResult> candidates) {

    @Schema(name = "CandidateResult")
    public record CandidateResult(UUID id,
                                  @Schema(nullable = true, description = "Null once an erased member's") String name,
                                  @Schema(nullable = true, description = "Null for an independent") PartyRef party,
                                  int votes, boolean elected) {
    }

    static ResultView of(BallotResult r, List<Candidacy> standing) {
        return new ResultView(r.ballotId, r.electorate, r.turnout, r.spoiltBallots, r.recordedAt, standing.stream()
                .filter(c -> c.votes != null)
                .sorted(Comparator.comparing((Candidacy c) -> c.votes).reversed())
                .map(c -> new CandidateResult(c.id, c.name, PartyRef.of(c.party), c.votes, Boolean.TRUE.equals(c.elected)))
                .toList());
    }
}
