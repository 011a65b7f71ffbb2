package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "BranchPage", description = "A page of branches; pass nextCursor as ?cursor= for the next one.")
public record BranchPage(List<BranchView> items, @Schema(nullable = true) String nextCursor) {
}
