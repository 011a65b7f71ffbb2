package org.grassroots.elections.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.elections.service.ElectionQueries;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.Problem;

@Path("/elections")
@Tag(name = "Elections", description = "Elections, by Democracy Club election id")
@Produces(MediaType.APPLICATION_JSON)
public class ElectionResource {

    @Inject
    ElectionQueries queries;

    @GET
    @PermitAll
    @Operation(summary = "List elections", description = "Role: public (no token). Most recent poll first; "
            + "cursor-paginated.")
    @APIResponse(responseCode = "200", description = "A page of elections",
            content = @Content(schema = @Schema(implementation = ElectionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ElectionPage list(@Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Page<ElectionSummary> page = queries.elections(PageRequest.of(limit, cursor, 2)).map(ElectionSummary::of);
        return new ElectionPage(page.items(), page.nextCursor());
    }
}
