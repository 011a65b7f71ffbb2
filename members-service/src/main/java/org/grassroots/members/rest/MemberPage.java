package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "MemberPage", description = "A page of members; pass nextCursor as ?cursor= for the next one.")
public record MemberPage(List<MemberView> items, @Schema(nullable = true) String nextCursor) {
}
