package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Party;

import java.util.UUID;

@Schema(name = "PartyRef", description = "A party as referenced from elsewhere; absent (null) for an independent.")
public record PartyRef(UUID id, @Schema(example = "Grassroots Party") String name,
                       @Schema(nullable = true, description = "Null for a party not on the register", example = "PP9999")
                       String ecId) {

    static PartyRef of(Party party) {
        return party == null ? null : new PartyRef(party.id, party.name, party.ecId);
    }
}
