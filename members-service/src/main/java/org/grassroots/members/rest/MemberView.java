package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Member", description = "A member or supporter. Personal data: shown only to the person, their "
        + "branch's organisers and admins.")
public record MemberView(UUID id, String givenName, String familyName, String email, MembershipStatus status,
                         OffsetDateTime joinedAt, OffsetDateTime updatedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.id, member.givenName, member.familyName, member.email, member.status,
                member.joinedAt, member.updatedAt);
    }
}
