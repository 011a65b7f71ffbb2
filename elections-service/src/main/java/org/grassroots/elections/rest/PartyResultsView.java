package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.service.ResultService.PartyTotal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

@Schema(name = "PartyResultsView", description = "Party totals over every declared ballot of an election (at any "
        + "level: a group sums all its organisations' ballots). Vote share = the party's votes / all votes, in "
        + "percent; in multi-seat wards each voter has several votes, all counted.")
public record PartyResultsView(String electionId, long totalVotes, List<PartyResult> parties) {

    @Schema(name = "PartyResult")
    public record PartyResult(@Schema(nullable = true, description = "Null: independents together") PartyRef party, long candidates,
                              long votes, long seatsWon, @Schema(example = "37.25") BigDecimal voteShare) {
    }

    static PartyResultsView of(String electionId, List<PartyTotal> totals) {
        long all = totals.stream().mapToLong(PartyTotal::votes).sum();
        return new PartyResultsView(electionId, all, totals.stream().map(t -> new PartyResult(PartyRef.of(t.party()),
                t.candidates(), t.votes(), t.seatsWon(), all == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(t.votes() * 100L).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP))).toList());
    }
}
