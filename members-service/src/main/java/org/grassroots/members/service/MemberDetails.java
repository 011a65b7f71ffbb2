package org.grassroots.members.service;

import org.grassroots.members.domain.MembershipType;

import java.time.LocalDate;
import java.util.UUID;

/** What a client says about a person; null means "not given" (an update leaves it as it is). */
public record MemberDetails(String givenName, String familyName, String email, String phone, String postcode,
                            MembershipType membershipType, UUID branchId, String origin, String externalId,
                            LocalDate duesPaidUntil) {
}
