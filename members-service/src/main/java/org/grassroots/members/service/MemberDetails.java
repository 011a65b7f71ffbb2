package org.grassroots.members.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.grassroots.members.domain.MembershipType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a client says about a person; null means "not given" (an update leaves it as it is). The constraints are
 * checked by the JSON API (on its request) and by the CSV import (on each row).
 */
public record MemberDetails(@NotBlank @Size(max = 100) String givenName,
                            @NotBlank @Size(max = 100) String familyName,
                            @NotBlank @Email @Size(max = 254) String email,
                            @Size(max = 32) String phone,
                            @Size(max = 10) String postcode,
                            MembershipType membershipType,
                            UUID branchId,
                            @Size(max = 100) String origin,
                            @Size(max = 100) String externalId,
                            LocalDate duesPaidUntil,
                            @Size(max = 5) List<@NotBlank @Email @Size(max = 254) String> additionalEmails,
                            @Size(max = 5) List<@NotBlank @Size(max = 32) String> additionalPhones,
                            @Size(max = 3) List<@NotBlank @Size(max = 100) String> addressLines,
                            @Size(max = 100) String locality,
                            @Size(max = 100) String region) {

    /** Surrounding spaces (pasted addresses) are not part of an email address: trimmed before it is validated. */
    public MemberDetails {
        email = email == null ? null : email.strip();
        additionalEmails = additionalEmails == null ? null
                : additionalEmails.stream().map(e -> e == null ? null : e.strip()).toList();
    }

    /** The details without the optional contact lists and address (what a CSV row or a short signup gives). */
    public MemberDetails(String givenName, String familyName, String email, String phone, String postcode,
                         MembershipType membershipType, UUID branchId, String origin, String externalId,
                         LocalDate duesPaidUntil) {
        this(givenName, familyName, email, phone, postcode, membershipType, branchId, origin, externalId,
                duesPaidUntil, null, null, null, null, null);
    }
}
