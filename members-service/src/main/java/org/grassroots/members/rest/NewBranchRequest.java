package org.grassroots.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "NewBranch", description = "A local branch and the postcode districts (PL1) or areas (PL) it covers.")
public record NewBranchRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Plymouth") String name,
        @Size(max = 200) @Schema(example = "[\"PL\"]")
        // No inline flags such as (?i): the pattern is published in the document, where it must be ECMA-262.
        List<@NotBlank @Pattern(regexp = "[A-Za-z]{1,2}([0-9][A-Za-z0-9]?)?",
                message = "must be a postcode area (PL) or district (PL1)") String> postcodeDistricts) {
}
