package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.ElectionLevel;

import java.time.LocalDate;

@Schema(name = "ElectionSummary", description = "An election, identified by its Democracy Club election id.")
public record ElectionSummary(@Schema(example = "local.suffolk.2022-05-05") String electionId,
                              @Schema(example = "Suffolk County Council local election") String name,
                              @Schema(example = "2022-05-05") LocalDate pollDate,
                              @Schema(description = "group, subtype_group, organisation or ballot", example = "organisation")
                              ElectionLevel level) {

    static ElectionSummary of(Election election) {
        return new ElectionSummary(election.electionId, election.name, election.pollDate, election.id().level());
    }
}
