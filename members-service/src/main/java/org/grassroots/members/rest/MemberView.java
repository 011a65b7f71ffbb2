package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipStatus;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.domain.PartyRole;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Member", description = "A member or supporter. Personal data: shown only to the person, their "
        + "branch's organisers and admins.")
public record MemberView(UUID id, String givenName, String familyName,
                         @Schema(description = "The primary email address") String email,
                         List<String> additionalEmails,
                         @Schema(nullable = true, description = "The primary phone number, E.164") String phone,
                         List<String> additionalPhones, List<String> addressLines,
                         @Schema(nullable = true) String locality, @Schema(nullable = true) String region,
                         @Schema(nullable = true) String postcode,
                         MembershipType membershipType, MembershipStatus status, @Schema(nullable = true) UUID branchId,
                         @Schema(nullable = true) String origin, @Schema(nullable = true) String externalId,
                         @Schema(nullable = true) LocalDate duesPaidUntil, List<String> tags,
                         List<PartyRole> roles, OffsetDateTime joinedAt, OffsetDateTime updatedAt) {

    static MemberView of(Member m) {
        return new MemberView(m.id, m.givenName, m.familyName, m.email, List.copyOf(m.additionalEmails), m.phone,
                List.copyOf(m.additionalPhones), List.of(m.addressLines), m.locality, m.region, m.postcode,
                m.membershipType, m.status, m.branchId, m.origin, m.externalId, m.duesPaidUntil, List.copyOf(m.tags),
                List.copyOf(m.roles), m.joinedAt, m.updatedAt);
    }
}
