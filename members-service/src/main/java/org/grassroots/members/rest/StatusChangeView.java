package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.members.domain.StatusChangeKind;

import java.time.OffsetDateTime;

@Schema(name = "StatusChange", description = "One entry of a membership's history.")
public record StatusChangeView(@Schema(nullable = true) MembershipStatus fromStatus, MembershipStatus toStatus,
                               StatusChangeKind kind, @Schema(nullable = true) String reason,
                               OffsetDateTime changedAt) {

    static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.kind, c.reason, c.changedAt);
    }
}
