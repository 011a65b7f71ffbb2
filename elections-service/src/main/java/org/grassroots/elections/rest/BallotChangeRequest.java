package org.grassroots.elections.rest;

import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(name = "BallotChangeRequest", description = "JSON Merge Patch (RFC 7386) of a ballot: the fields given replace "
        + "the current ones, absent fields stay; none may be removed (null is a 400).")
public record BallotChangeRequest(@Min(value = 1, message = "must be at least 1") Integer winnerCount,
                                  @Schema(description = "The statement of persons nominated is published") Boolean candidatesLocked,
                                  Boolean cancelled) {

    /** The fields a client may patch. */
    static final Set<String> WRITABLE = Set.of("winnerCount", "candidatesLocked", "cancelled");
}

