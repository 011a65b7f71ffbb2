package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Affiliation;
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.elections.domain.OfficeHolderChange;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "OfficeHolderView", description = "A person holding a post (Popolo membership), with every party "
        + "affiliation while in it and the history of changes. Public: carries no member link.")
public record OfficeHolderView(UUID id,
                               @Schema(nullable = true, description = "Null if withheld (an erased member)", example = "Alex Example")
                               String name,
                               PostView post,
                               @Schema(example = "2022-05-05") LocalDate startDate,
                               @Schema(nullable = true, description = "Null while in office") LocalDate endDate,
                               @Schema(nullable = true, description = "Null while in office") String endReason,
                               @Schema(nullable = true, description = "The party sat for now (onBehalfOf); null for an independent or "
                                       + "after leaving office") PartyRef currentParty,
                               List<AffiliationView> affiliations,
                               List<ChangeView> history) {

    @Schema(name = "OfficeHolderAffiliation")
    public record AffiliationView(@Schema(nullable = true, description = "Null for an independent") PartyRef onBehalfOf,
                                  LocalDate startDate,
                                  @Schema(nullable = true, description = "Null while current") LocalDate endDate,
                                  @Schema(nullable = true) String endReason) {
    }

    @Schema(name = "OfficeHolderChange")
    public record ChangeView(@Schema(description = "took_office, changed_party or left_office") String kind,
                             LocalDate effectiveDate,
                             @Schema(nullable = true, description = "Null on taking office, or from an independent")
                             PartyRef fromParty,
                             @Schema(nullable = true, description = "Null on leaving office, or to an independent")
                             PartyRef toParty,
                             @Schema(nullable = true, description = "Null on taking office") String reason) {
    }

    static OfficeHolderView of(OfficeHolder h) {
        return new OfficeHolderView(h.id, h.name, PostView.of(h.post), h.startDate, h.endDate, h.endReason,
                h.inOffice() ? h.currentAffiliation().map(a -> PartyRef.of(a.party)).orElse(null) : null,
                h.affiliations.stream().map(OfficeHolderView::affiliation).toList(),
                h.history.stream().map(OfficeHolderView::change).toList());
    }

    private static AffiliationView affiliation(Affiliation a) {
        return new AffiliationView(PartyRef.of(a.party), a.startDate, a.endDate, a.endReason);
    }

    private static ChangeView change(OfficeHolderChange c) {
        return new ChangeView(c.kind.name(), c.effectiveDate, PartyRef.of(c.fromParty), PartyRef.of(c.toParty),
                c.reason);
    }
}
