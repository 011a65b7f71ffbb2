package org.grassroots.events.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.events.service.RsvpRequestDetails;

import java.util.UUID;

@Schema(name = "NewRsvp", description = "An RSVP. A member's token with an empty body RSVPs that member; organisers "
        + "may name a member; a member of the public gives a name, an email and whether we may contact them.")
public record RsvpRequest(
        @Schema(description = "The member (checked against the membership: must be active)") UUID memberId,
        @Size(max = 100) @Schema(example = "Sam", maxLength = 100) String givenName,
        @Size(max = 100) @Schema(example = "Rivers", maxLength = 100) String familyName,
        @Email @Size(max = 254) @Schema(example = "sam.rivers@example.org", maxLength = 254) String email,
        @Schema(description = "Whether the party may contact them about its work (required without memberId)")
        Boolean consent) {

    /** Surrounding spaces (pasted addresses) are not part of an email address: trimmed before it is validated. */
    public RsvpRequest {
        email = email == null ? null : email.strip();
    }

    static final RsvpRequest EMPTY = new RsvpRequest(null, null, null, null, null);

    RsvpRequestDetails details() {
        return new RsvpRequestDetails(memberId, givenName, familyName, email, consent);
    }
}
