package org.grassroots.elections.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.SelectionStage;

@Schema(name = "StageChangeRequest", description = "applied -> shortlisted | selected; shortlisted -> selected; "
        + "selected -> standing; any open stage -> withdrawn | deselected. selected and standing need an active member.")
public record StageChangeRequest(@NotNull(message = "is required") @Schema(example = "shortlisted") SelectionStage stage,
                                 @Size(max = 500) @Schema(example = "Interview panel, 12 January") String reason) {
}
