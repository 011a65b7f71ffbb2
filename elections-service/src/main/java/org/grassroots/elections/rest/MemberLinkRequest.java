package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "MemberLinkRequest", description = "The member of ours an office-holder is; null to unlink.")
public record MemberLinkRequest(UUID memberId) {
}
