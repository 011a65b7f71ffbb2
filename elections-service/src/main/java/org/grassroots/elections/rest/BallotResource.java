package org.grassroots.elections.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.patch.MergePatches;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.service.BallotService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.openapi.ResponseHeaders;
import org.grassroots.kit.patch.JsonMergePatch;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.Set;

@Path("/ballots")
@Tag(name = "Ballots", description = "Ballot papers: a post contested in an election, by ballot paper id")
@Produces(MediaType.APPLICATION_JSON)
public class BallotResource {

    @Inject
    BallotService ballots;

    @Inject
    MergePatches patches;

    @Inject
    org.grassroots.elections.service.CandidacyService candidacies;

    @Inject
    org.grassroots.elections.service.ResultService results;

    @jakarta.ws.rs.PUT
    @Path("/{ballotPaperId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @jakarta.transaction.Transactional
    @Operation(operationId = "declareBallotResult",
            summary = "Record a ballot's result", description = "Roles: admin, elections. Replaces any earlier "
            + "one. Every candidate standing is counted once; no more are elected than the winner count.")
    @APIResponseSchema(value = ResultView.class, responseDescription = "The result")
    @APIResponse(responseCode = "400", description = "Negative or missing numbers, naming the field")
    @APIResponse(responseCode = "409", description = "The ballot is cancelled")
    @APIResponse(responseCode = "422", description = "More elected than the winner count (too-many-elected), a "
            + "candidate missing, repeated or not standing; nothing is written")
    public ResultView declare(@PathParam("ballotPaperId") String ballotPaperId,
                              @NotNull(message = Problem.BODY_REQUIRED) @Valid ResultRequest request) {
        var result = results.declare(ballotPaperId, request.electorate(), request.turnout(), request.spoiltBallots(),
                request.candidates().stream().map(c -> new org.grassroots.elections.service.ResultService.Count(
                        c.candidacyId(), c.votes(), c.elected())).toList());
        return ResultView.of(result, candidacies.standing(ballotPaperId));
    }

    @GET
    @Path("/{ballotPaperId}/result")
    @PermitAll
    @jakarta.transaction.Transactional
    @Operation(operationId = "getBallotResult",
            summary = "A ballot's result", description = "Role: public. Candidates by votes, most first.")
    @APIResponseSchema(value = ResultView.class, responseDescription = "The result")
    @APIResponse(responseCode = "404", description = "No such ballot, or no result yet")
    public ResultView result(@PathParam("ballotPaperId") String ballotPaperId) {
        var result = results.result(ballotPaperId).orElseThrow(() -> org.grassroots.kit.problem.ProblemException
                .notFound("A result for " + ballotPaperId));
        return ResultView.of(result, candidacies.standing(ballotPaperId));
    }

    @GET
    @Path("/{ballotPaperId}/candidates")
    @PermitAll
    @jakarta.transaction.Transactional
    @Operation(operationId = "listBallotCandidates",
            summary = "The candidates standing on a ballot", description = "Role: public. Our selected-and-"
            + "standing candidates and the other parties' candidates, by name; nothing of selection.")
    @APIResponseSchema(value = CandidatePage.class, responseDescription = "The candidates")
    @APIResponse(responseCode = "404", description = "No such ballot")
    public CandidatePage candidates(@PathParam("ballotPaperId") String ballotPaperId) {
        return new CandidatePage(candidacies.standing(ballotPaperId).stream().map(CandidateView::of).toList(), null);
    }

    @POST
    @Idempotent
    @Path("/{ballotPaperId}/candidates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @jakarta.transaction.Transactional
    @Operation(operationId = "addBallotCandidate",
            summary = "Add another party's candidate", description = "Roles: admin, elections. As on the "
            + "statement of persons nominated, so that results are complete. Our candidates come through selection.")
    @APIResponseSchema(value = CandidateView.class, responseCode = "201", responseDescription = "Added")
    @APIResponse(responseCode = "409", description = "The ballot is locked or cancelled")
    @APIResponse(responseCode = "422", description = "Unknown party, or our own party")
    public Response addCandidate(@PathParam("ballotPaperId") String ballotPaperId,
                                 @NotNull(message = Problem.BODY_REQUIRED) @Valid NewCandidateRequest request,
                                 @Context UriInfo uri) {
        var candidacy = candidacies.addOther(ballotPaperId, request.name(), request.partyId());
        return Response.created(uri.getBaseUriBuilder().path("candidacies").path(candidacy.id.toString()).build())
                .entity(CandidateView.of(candidacy)).build();
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "createBallot",
            summary = "Record a ballot", description = "Roles: admin, elections. The ballot paper id is a "
            + "Democracy Club ballot-level election id (local.suffolk.st-olaves.2022-05-05, "
            + "local.suffolk.st-olaves.by.2023-03-02 for a by-election); its parent election must exist.")
    @APIResponseSchema(value = BallotView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid id (naming the wrong segment) or field")
    @APIResponse(responseCode = "409", description = "The ballot exists")
    @APIResponse(responseCode = "422", description = "Parent election or post missing, post not the id's, or more "
            + "winners than seats")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewBallotRequest request,
                           @Context UriInfo uri) {
        Election ballot = ballots.create(request.ballotPaperId(), request.name(), request.postId(),
                request.winnerCount());
        return Created.at(uri, ballot.electionId, BallotView.of(ballot));
    }

    @GET
    @Path("/{ballotPaperId}")
    @PermitAll
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "getBallot", summary = "Read a ballot", description = "Role: public.")
    @APIResponseSchema(value = BallotView.class, responseDescription = "The ballot")
    @APIResponse(responseCode = "400", description = "Not a valid ballot paper id")
    @APIResponse(responseCode = "404", description = "No such ballot")
    public Response get(@PathParam("ballotPaperId") String ballotPaperId) {
        Election ballot = ballots.find(ballotPaperId);
        return Response.ok(BallotView.of(ballot)).tag(etag(ballot)).build();
    }

    @PATCH
    @Path("/{ballotPaperId}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "updateBallot",
            summary = "Change a ballot", description = "Roles: admin, elections. JSON Merge Patch; If-Match with "
            + "the ETag is honoured. Lock the candidates (the statement of persons nominated is out), cancel it "
            + "(e.g. an uncontested ballot), or change the winner count.")
    @APIResponse(responseCode = "400", description = "Invalid patch")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @RequestBody(content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = BallotChangeRequest.class)))
    @APIResponseSchema(value = BallotView.class, responseDescription = "The ballot")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "422", description = "More winners than seats")
    public Response change(@PathParam("ballotPaperId") String ballotPaperId, @HeaderParam("If-Match") String ifMatch,
                           JsonNode patch) {
        BallotChangeRequest request = patches.read(patch, BallotChangeRequest.class,
                BallotChangeRequest.WRITABLE, Set.of());
        Election ballot = ballots.change(ballotPaperId, request.winnerCount(), request.candidatesLocked(),
                request.cancelled(), JsonMergePatch.ifMatchVersion(ifMatch));
        return Response.ok(BallotView.of(ballot)).tag(etag(ballot)).build();
    }

    private static EntityTag etag(Election ballot) {
        return new EntityTag(Long.toString(ballot.version));
    }
}
