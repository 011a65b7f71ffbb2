package org.grassroots.members.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewMember", description = "A person to record as a member.")
public record NewMemberRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Alex", maxLength = 100) String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Morgan", maxLength = 100) String familyName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "alex.morgan@example.org", maxLength = 254) String email) {
}
