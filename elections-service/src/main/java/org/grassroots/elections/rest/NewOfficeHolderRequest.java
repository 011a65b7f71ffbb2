package org.grassroots.elections.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "NewOfficeHolderRequest", description = "A person holding a post, with their affiliations so far: "
        + "oldest first is not required, but they must not overlap and only the latest may be open. The term starts "
        + "with the earliest affiliation.")
public record NewOfficeHolderRequest(
        @NotBlank(message = "is required") @Size(max = 200) @Schema(example = "Alex Example") String name,
        @NotNull(message = "is required") UUID postId,
        @Schema(description = "The member of ours this person is, if any (must be known from member events)")
        UUID memberId,
        @NotEmpty(message = "needs at least one affiliation") @Size(max = 50) List<@NotNull @Valid AffiliationRequest> affiliations) {

    @Schema(name = "OfficeHolderAffiliationRequest")
    public record AffiliationRequest(@Schema(description = "Omit for an independent") UUID partyId,
                                     @NotNull(message = "is required") @Schema(example = "2022-05-05") LocalDate startDate,
                                     LocalDate endDate,
                                     @Size(max = 500) String endReason) {
    }
}
