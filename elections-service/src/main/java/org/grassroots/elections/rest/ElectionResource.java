package org.grassroots.elections.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.service.ElectionQueries;
import org.grassroots.elections.service.ElectionService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

@Path("/elections")
@Tag(name = "Elections", description = "Elections, by Democracy Club election id")
@Produces(MediaType.APPLICATION_JSON)
public class ElectionResource {

    @Inject
    ElectionQueries queries;

    @Inject
    ElectionService elections;

    @GET
    @PermitAll
    @Operation(operationId = "listElections",
            summary = "List elections", description = "Role: public (no token). Most recent poll first; "
            + "cursor-paginated. With ?parent= only the children of that election (navigating the hierarchy).")
    @APIResponseSchema(value = ElectionPage.class, responseDescription = "A page of elections")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or parent id")
    public ElectionPage list(@Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                             @Parameter(description = "Only the children of this election id", example = "local.2022-05-05")
                             @QueryParam("parent") String parent) {
        String parentId = parent == null ? null : ElectionService.parse("parent", parent).value();
        Page<ElectionSummary> page = queries.elections(PageRequest.of(limit, cursor, 2), parentId)
                .map(ElectionSummary::of);
        return new ElectionPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{electionId}")
    @PermitAll
    @Operation(operationId = "getElection",
            summary = "Read an election", description = "Role: public. Any level of the hierarchy.")
    @APIResponseSchema(value = ElectionView.class, responseDescription = "The election")
    @APIResponse(responseCode = "400", description = "Not a valid Democracy Club election id; the problem names the "
            + "wrong segment")
    @APIResponse(responseCode = "404", description = "No such election")
    public ElectionView get(@PathParam("electionId") String electionId) {
        return ElectionView.of(elections.find(electionId));
    }

    @Inject
    org.grassroots.elections.service.ResultService results;

    @GET
    @Path("/{electionId}/party-results")
    @PermitAll
    @Operation(operationId = "getElectionPartyResults",
            summary = "Party results of an election", description = "Role: public. Seats won, votes and vote "
            + "share per party over every declared ballot at or below this election.")
    @APIResponseSchema(value = PartyResultsView.class, responseDescription = "The party results")
    @APIResponse(responseCode = "404", description = "No such election")
    public PartyResultsView partyResults(@PathParam("electionId") String electionId) {
        Election election = elections.find(electionId);
        return PartyResultsView.of(election.electionId, results.partyTotals(election.electionId));
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "createElection",
            summary = "Record an election group or organisation election", description = "Roles: admin, elections. "
            + "The id follows Democracy Club's reference definition, type[.subtype][.organisation].YYYY-MM-DD; "
            + "the parent (e.g. local.2022-05-05 for local.suffolk.2022-05-05) must exist. Ballots: POST /ballots.")
    @APIResponseSchema(value = ElectionView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid id (the problem names the wrong segment) or name")
    @APIResponse(responseCode = "409", description = "The election exists")
    @APIResponse(responseCode = "422", description = "The parent is missing, or the id is a ballot's")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewElectionRequest request,
                           @Context UriInfo uri) {
        Election election = elections.create(request.electionId(), request.name());
        return Created.at(uri, election.electionId, ElectionView.of(election));
    }
}
