package org.grassroots.elections.rest;

import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BallotChangeRequest", description = "JSON Merge Patch of a ballot: absent fields stay as they are.")
public record BallotChangeRequest(@Min(value = 1, message = "must be at least 1") Integer winnerCount,
                                  @Schema(description = "The statement of persons nominated is published") Boolean candidatesLocked,
                                  Boolean cancelled) {
}
