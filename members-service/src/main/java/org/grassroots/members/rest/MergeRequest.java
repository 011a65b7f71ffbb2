package org.grassroots.members.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "MergeRequest", description = "The duplicate to merge into this record.")
public record MergeRequest(@NotNull UUID duplicateId) {
}
