package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "LeaveOfficeRequest")
public record LeaveOfficeRequest(@NotNull(message = "is required") @Schema(example = "2026-05-07") LocalDate date,
                                 @NotBlank(message = "is required") @Size(max = 500)
                                 @Schema(example = "Not re-elected") String reason) {
}
