package org.grassroots.members.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmailErasureRequest", description = "The address of a person who is not a member, to erase every copy "
        + "of what the suite holds under it (public RSVPs, feedback contacts, rows of unfinished imports).")
public record EmailErasureRequest(
        @NotBlank @Email @Size(max = 254) @Schema(example = "pat.public@example.org", maxLength = 254) String email) {

    /** Surrounding spaces (pasted addresses) are not part of an email address. */
    public EmailErasureRequest {
        email = email == null ? null : email.strip();
    }
}
