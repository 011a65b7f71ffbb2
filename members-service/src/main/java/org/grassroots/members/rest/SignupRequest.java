package org.grassroots.members.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.service.SignupService;

import java.util.List;

@Schema(name = "SignupRequest", description = "What a website's join form sends: who the person is and what they "
        + "agree to be contacted about (at least one consent).")
public record SignupRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Alex", maxLength = 100) String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Morgan", maxLength = 100) String familyName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "alex.morgan@example.org", maxLength = 254) String email,
        @Size(max = 32) @Schema(example = "07700 900123", maxLength = 32) String phone,
        @Size(max = 10) @Schema(example = "PL1 2AB", maxLength = 10) String postcode,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid SignupConsent> consents,
        @Size(max = 100) @Schema(description = "Which form (kept as the person's origin)",
                example = "join form, grassroots.example.org", maxLength = 100) String source) {

    /** Surrounding spaces (pasted addresses) are not part of an email address. */
    public SignupRequest {
        email = email == null ? null : email.strip();
    }

    @Schema(name = "SignupConsent", description = "Consent, given on the form, to be contacted on a channel for a "
            + "purpose")
    public record SignupConsent(@NotNull @Schema(example = "email") ContactChannel channel,
                                @NotNull @Schema(example = "campaigning") ContactPurpose purpose) {
    }

    SignupService.Signup toSignup() {
        return new SignupService.Signup(givenName, familyName, email, phone, postcode,
                consents.stream().map(c -> new SignupService.Consent(c.channel(), c.purpose())).toList(), source);
    }
}
