package org.grassroots.events.rest;

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
import org.grassroots.events.service.EventCatalogueService;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.Problem;

@Path("/events")
@Tag(name = "Events", description = "Community events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventCatalogueService catalogue;

    @GET
    @PermitAll
    @Operation(summary = "List published public events", description = "Role: public (no token). Ordered by start "
            + "time; cursor-paginated.")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventPage list(@Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Page<EventSummary> page = catalogue.publicEvents(PageRequest.of(limit, cursor, 2)).map(EventSummary::of);
        return new EventPage(page.items(), page.nextCursor());
    }
}
