package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewOrganisationRequest")
public record NewOrganisationRequest(
        @NotNull(message = "is required") @Size(max = 100)
        @Pattern(regexp = Slugs.SLUG, message = Slugs.MESSAGE) @Schema(example = "bury-st-edmunds") String slug,
        @NotBlank(message = "is required") @Size(max = 200) @Schema(example = "Bury St Edmunds Town Council") String name,
        @NotNull(message = "is required") @Pattern(regexp = "county-council|district-council|unitary-council|"
                + "metropolitan-council|london-borough|town-council|parish-council|combined-authority|parliament|"
                + "devolved-assembly|police-area|other", message = "must be one of county-council, district-council, "
                + "unitary-council, metropolitan-council, london-borough, town-council, parish-council, "
                + "combined-authority, parliament, devolved-assembly, police-area, other")
        @Schema(example = "town-council") String organisationType,
        @Pattern(regexp = Slugs.GSS, message = Slugs.GSS_MESSAGE) @Schema(example = "E04009736") String gssCode) {
}
