package org.grassroots.events.service;

import java.util.UUID;

/** Who RSVPs: a member by id (or the calling member), or a member of the public by name and email. */
public record RsvpRequestDetails(UUID memberId, String givenName, String familyName, String email, Boolean consent) {
}
