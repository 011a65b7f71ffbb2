package org.grassroots.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ContactChannel;
import org.grassroots.members.domain.ContactPurpose;
import org.grassroots.members.domain.LawfulBasis;

@Schema(name = "ConsentRequest", description = "A grant (granted true) or withdrawal (false) of consent.")
public record ConsentRequest(@NotNull @Schema(example = "email") ContactChannel channel,
                             @NotNull @Schema(example = "campaigning") ContactPurpose purpose,
                             @NotNull @Schema(example = "true") Boolean granted,
                             @NotNull @Schema(example = "consent") LawfulBasis lawfulBasis,
                             @NotBlank @Size(max = 200) @Schema(example = "signup form at the Plymouth stall")
                             String source) {
}
