package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grassroots.elections.domain.Organisation;

import java.util.UUID;

@Schema(name = "OrganisationView", description = "A council or parliament.")
public record OrganisationView(UUID id,
                               @Schema(description = "The organisation segment of election ids", example = "bury-st-edmunds")
                               String slug,
                               @Schema(example = "Bury St Edmunds Town Council") String name,
                               @Schema(example = "town-council") String organisationType,
                               @Schema(nullable = true, description = "ONS GSS code where known", example = "E04009736") String gssCode) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.slug, o.name, o.organisationType, o.gssCode);
    }
}
