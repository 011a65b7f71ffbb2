package org.grassroots.members.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.MembershipType;
import org.grassroots.members.service.MemberDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "NewMember", description = "A person to record. A person with the same email (case-insensitive) or "
        + "external id is updated instead of duplicated.")
public record NewMemberRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Alex", maxLength = 100) String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Morgan", maxLength = 100) String familyName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "alex.morgan@example.org", maxLength = 254) String email,
        @Size(max = 32) @Schema(description = "UK or international number", example = "07700 900123") String phone,
        @Size(max = 10) @Schema(description = "UK postcode; proposes the branch when branchId is absent",
                example = "PL1 1AA") String postcode,
        @Schema(description = "Default member") MembershipType membershipType,
        @Schema(description = "The member's branch; an organiser's own branch by default") UUID branchId,
        @Size(max = 100) @Schema(description = "Where the signup came from", example = "street stall, Plymouth")
        String origin,
        @Size(max = 100) @Schema(description = "The person's id in an integrating tool; a de-duplication key",
                example = "crm-48213") String externalId,
        @Schema(description = "Dues are paid up to this date", example = "2023-01-31") LocalDate duesPaidUntil,
        @Size(max = 5) @Schema(description = "Email addresses besides the primary one, added to the person's; each "
                + "one also finds this person on a later signup", example = "[\"alex@work.example.org\"]")
        List<@NotBlank @Email @Size(max = 254) String> additionalEmails,
        @Size(max = 5) @Schema(description = "Phone numbers besides the primary one, added to the person's")
        List<@NotBlank @Size(max = 32) String> additionalPhones,
        @Size(max = 3) @Schema(description = "Street lines of the postal address (the postcode is separate)",
                example = "[\"12 Market Street\"]") List<@NotBlank @Size(max = 100) String> addressLines,
        @Size(max = 100) @Schema(description = "Town or city", example = "Plymouth") String locality,
        @Size(max = 100) @Schema(description = "County or region", example = "Devon") String region) {

    /** Surrounding spaces (pasted addresses) are not part of an email address: trimmed before it is validated. */
    public NewMemberRequest {
        email = email == null ? null : email.strip();
        additionalEmails = additionalEmails == null ? null
                : additionalEmails.stream().map(e -> e == null ? null : e.strip()).toList();
    }

    /** The member's writable values, the document a merge patch applies to. */
    static NewMemberRequest of(Member m) {
        return new NewMemberRequest(m.givenName, m.familyName, m.email, m.phone, m.postcode, m.membershipType,
                m.branchId, m.origin, m.externalId, m.duesPaidUntil, List.copyOf(m.additionalEmails),
                List.copyOf(m.additionalPhones), List.of(m.addressLines), m.locality, m.region);
    }

    MemberDetails details() {
        return new MemberDetails(givenName, familyName, email, blankToNull(phone), blankToNull(postcode), membershipType,
                branchId, blankToNull(origin), blankToNull(externalId), duesPaidUntil, additionalEmails,
                additionalPhones, addressLines, blankToNull(locality), blankToNull(region));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
