package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.domain.SelectionStage;
import org.grassroots.elections.domain.StageChange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "CandidacyRecord", description = "A candidacy as the elections team sees it, with the member link and "
        + "the selection history (personal data: not public).")
public record CandidacyRecord(UUID id,
                              @Schema(example = "local.bury-st-edmunds.st-olaves.2022-05-05") String ballotPaperId,
                              @Schema(nullable = true, description = "Our member; null for other parties' candidates and once erased")
                              UUID memberId,
                              @Schema(nullable = true, description = "Name on the ballot paper; null once an erased member's") String name,
                              @Schema(nullable = true, description = "Null for an independent") PartyRef party,
                              @Schema(nullable = true, description = "applied or nominated; null for other parties' candidates")
                              Candidacy.Route route,
                              @Schema(example = "shortlisted") SelectionStage stage,
                              @Schema(description = "The member's membership lapsed since: review the candidacy")
                              boolean memberLapsed,
                              List<StageView> history) {

    @Schema(name = "CandidacyStageChange")
    public record StageView(@Schema(nullable = true, description = "Null for the first step") SelectionStage fromStage,
                            SelectionStage toStage,
                            @Schema(nullable = true) String reason,
                            OffsetDateTime changedAt) {
    }

    static CandidacyRecord of(Candidacy c) {
        return new CandidacyRecord(c.id, c.ballot.electionId, c.memberId, c.name, PartyRef.of(c.party),
                c.route, c.stage, c.memberLapsed,
                c.stages.stream().map(CandidacyRecord::stage).toList());
    }

    private static StageView stage(StageChange s) {
        return new StageView(s.fromStage, s.toStage, s.reason, s.changedAt);
    }
}
