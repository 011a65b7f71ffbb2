package org.grassroots.members.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.MembershipStatus;

@Schema(name = "StatusChangeRequest", description = "Moves a membership to another status. Allowed: pending to "
        + "active or cancelled; active to lapsed or cancelled; lapsed to active (rejoined) or cancelled; cancelled "
        + "to active (rejoined).")
public record StatusChangeRequest(@NotNull @Schema(example = "lapsed") MembershipStatus status,
                                  @Size(max = 500) @Schema(example = "dues unpaid for three months") String reason) {
}
