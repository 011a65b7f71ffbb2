package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Candidacy;

import java.util.UUID;

@Schema(name = "CandidateView", description = "A candidate standing on a ballot: public.")
public record CandidateView(@Schema(description = "The candidacy id") UUID id,
                            @Schema(nullable = true, example = "Alex Example") String name,
                            @Schema(nullable = true, description = "Null for an independent") PartyRef party) {

    static CandidateView of(Candidacy c) {
        return new CandidateView(c.id, c.name, PartyRef.of(c.party));
    }
}
