package org.grassroots.members.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.members.domain.ImportJob;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ImportJob", description = "A CSV import's progress; errors name the row (1 = first after the "
        + "header) and field.")
public record ImportJobView(UUID id, @Schema(enumeration = {"queued", "running", "completed", "failed"}) String status,
                            int total, int processed, int created, int updated, int unchanged, int failed,
                            List<ImportJob.RowError> errors, OffsetDateTime createdAt,
                            @Schema(nullable = true) OffsetDateTime finishedAt) {

    static ImportJobView of(ImportJob j) {
        return new ImportJobView(j.id, j.status, j.total, j.processed, j.created, j.updated, j.unchanged, j.failed,
                j.errors, j.createdAt, j.finishedAt);
    }
}
