package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Post;

import java.util.UUID;

@Schema(name = "PostView", description = "A ward, electoral division or constituency of an organisation.")
public record PostView(UUID id,
                       UUID organisationId,
                       @Schema(example = "Bury St Edmunds Town Council") String organisationName,
                       @Schema(description = "The division segment of ballot paper ids", example = "st-olaves") String slug,
                       @Schema(example = "St Olaves") String name,
                       @Schema(example = "ward") String kind,
                       @Schema(nullable = true, example = "E05012345") String gssCode,
                       @Schema(example = "2") int seats) {

    static PostView of(Post p) {
        return new PostView(p.id, p.organisation.id, p.organisation.name, p.slug, p.name, p.kind, p.gssCode, p.seats);
    }
}
