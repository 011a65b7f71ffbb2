package org.grassroots.elections.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "NewPostRequest")
public record NewPostRequest(
        @NotNull(message = "is required") UUID organisationId,
        @NotNull(message = "is required") @Size(max = 100) @Pattern(regexp = Slugs.SLUG, message = Slugs.MESSAGE)
        @Schema(example = "st-olaves") String slug,
        @NotBlank(message = "is required") @Size(max = 200) @Schema(example = "St Olaves") String name,
        @NotNull(message = "is required") @Pattern(regexp = "ward|division|constituency|region|area",
                message = "must be one of ward, division, constituency, region, area") @Schema(example = "ward") String kind,
        @Pattern(regexp = Slugs.GSS, message = Slugs.GSS_MESSAGE) @Schema(example = "E05012345") String gssCode,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        @Max(value = 50, message = "must be at most 50") @Schema(example = "2") Integer seats) {
}
