package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.OfficeHolder;

import java.util.UUID;

@Schema(name = "OfficeHolderRecord", description = "An office-holder as the elections team sees it: the public view "
        + "plus the link to a member of ours (personal data).")
public record OfficeHolderRecord(@Schema(nullable = true, description = "The member this person is, if one of ours") UUID memberId,
                                 OfficeHolderView officeHolder) {

    static OfficeHolderRecord of(OfficeHolder h) {
        return new OfficeHolderRecord(h.memberId, OfficeHolderView.of(h));
    }
}
