package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.MembershipType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PATCH /members/{id}} as the document describes it: a JSON merge patch (RFC 7386) of the
 * writable fields of {@link NewMemberRequest}, none required; {@code null} removes an optional field, arrays are
 * replaced whole. Only the document uses it: the resource applies the patch to the member's values and validates
 * the result as a {@link NewMemberRequest}.
 */
@Schema(name = "MemberPatch", description = "A JSON merge patch (RFC 7386) of a member's writable fields: the fields "
        + "named change, null removes an optional one, arrays are replaced whole, nothing is required.")
record MemberPatch(
        @Schema(minLength = 1, maxLength = 100) String givenName,
        @Schema(minLength = 1, maxLength = 100) String familyName,
        @Schema(format = "email", maxLength = 254) String email,
        @Schema(nullable = true, maxLength = 32) String phone,
        @Schema(nullable = true, maxLength = 10, description = "UK postcode") String postcode,
        @Schema(description = "Cannot be removed") MembershipType membershipType,
        @Schema(nullable = true) UUID branchId,
        @Schema(nullable = true, maxLength = 100) String origin,
        @Schema(nullable = true, maxLength = 100) String externalId,
        @Schema(nullable = true) LocalDate duesPaidUntil,
        @Schema(nullable = true, maxItems = 5) List<String> additionalEmails,
        @Schema(nullable = true, maxItems = 5) List<String> additionalPhones,
        @Schema(nullable = true, maxItems = 3) List<String> addressLines,
        @Schema(nullable = true, maxLength = 100) String locality,
        @Schema(nullable = true, maxLength = 100) String region) {
}
