package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.ElectionId;

import java.time.LocalDate;

@Schema(name = "BallotView", description = "One ballot paper: a post contested in an election.")
public record BallotView(@Schema(example = "local.bury-st-edmunds.st-olaves.2022-05-05") String ballotPaperId,
                         @Schema(example = "local.bury-st-edmunds.2022-05-05") String electionId,
                         @Schema(example = "St Olaves 2022-05-05") String name,
                         @Schema(example = "2022-05-05") LocalDate pollDate,
                         boolean byElection,
                         PostView post,
                         @Schema(example = "2") int winnerCount,
                         boolean candidatesLocked,
                         boolean cancelled) {

    static BallotView of(Election ballot) {
        ElectionId id = ballot.id();
        return new BallotView(ballot.electionId, ballot.parentId, ballot.name, ballot.pollDate, id.byElection(),
                PostView.of(ballot.post), ballot.winnerCount, ballot.candidatesLocked, ballot.cancelled);
    }
}
