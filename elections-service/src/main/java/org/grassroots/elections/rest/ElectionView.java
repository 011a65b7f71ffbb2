package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.ElectionId;
import org.grassroots.elections.domain.ElectionLevel;

import java.time.LocalDate;

@Schema(name = "ElectionView", description = "An election with its place in Democracy Club's hierarchy; its "
        + "children are listed by GET /elections?parent={electionId}.")
public record ElectionView(@Schema(example = "local.suffolk.2022-05-05") String electionId,
                           @Schema(example = "Suffolk County Council local election") String name,
                           @Schema(example = "2022-05-05") LocalDate pollDate,
                           @Schema(example = "organisation") ElectionLevel level,
                           @Schema(example = "local") String electionType,
                           @Schema(nullable = true, description = "c, r or a for the types that have subtypes; null otherwise",
                                   example = "c")
                           String subtype,
                           @Schema(nullable = true, description = "Organisation slug", example = "suffolk") String organisationSlug,
                           @Schema(nullable = true, description = "Division slug (ballots); null above the ballot level",
                                   example = "st-olaves") String divisionSlug,
                           @Schema(example = "false") boolean byElection,
                           @Schema(nullable = true, description = "The election one level up; null for an election group",
                                   example = "local.2022-05-05")
                           String parentId) {

    static ElectionView of(Election election) {
        ElectionId id = election.id();
        return new ElectionView(election.electionId, election.name, election.pollDate, id.level(), id.type().slug(),
                id.subtype(), id.organisation(), id.division(), id.byElection(), election.parentId);
    }
}
