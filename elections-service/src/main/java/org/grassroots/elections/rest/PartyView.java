package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Party;

import java.util.UUID;

@Schema(name = "PartyView", description = "A political party.")
public record PartyView(UUID id,
                        @Schema(example = "Grassroots Party") String name,
                        @Schema(nullable = true, description = "Electoral Commission register id; null for a party not on the register",
                                example = "PP9999") String ecId,
                        @Schema(description = "Whether this is our party") boolean ourParty,
                        @Schema(description = "Office-holders sitting for this party now (councillors and others)",
                                example = "2") long currentOfficeHolders) {

    static PartyView of(Party p, boolean ours, long currentOfficeHolders) {
        return new PartyView(p.id, p.name, p.ecId, ours, currentOfficeHolders);
    }
}
