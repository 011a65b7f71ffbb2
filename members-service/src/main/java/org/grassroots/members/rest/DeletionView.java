package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.service.DeletionFeed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "MemberDeletion", description = "A member id that no longer exists: merged (into survivorId) or erased.")
public record DeletionView(UUID memberId, @Schema(enumeration = {"merged", "erased"}) String reason,
                           @Schema(nullable = true, description = "Set when merged; null when erased") UUID survivorId,
                           OffsetDateTime at) {

    static DeletionView of(DeletionFeed.Deletion d) {
        return new DeletionView(d.memberId(), d.reason(), d.survivorId(), d.at());
    }

    @Schema(name = "MemberDeletionPage")
    public record Page(List<DeletionView> items, @Schema(nullable = true) String nextCursor) {
    }
}
