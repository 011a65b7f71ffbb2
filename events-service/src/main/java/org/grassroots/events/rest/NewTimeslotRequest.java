package org.grassroots.events.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "NewTimeslot", description = "A session of an event with a capacity.")
public record NewTimeslotRequest(
        @Size(max = 100) @Schema(example = "Saturday morning", maxLength = 100) String label,
        @NotNull @Schema(example = "2026-11-26T10:00:00Z") OffsetDateTime startsAt,
        @NotNull @Schema(example = "2026-11-26T12:00:00Z") OffsetDateTime endsAt,
        @NotNull @Min(0) @Max(100000) @Schema(example = "10") Integer capacity,
        @Schema(description = "Whether RSVPs beyond the capacity join a waitlist (default true)") Boolean waitlist) {
}
