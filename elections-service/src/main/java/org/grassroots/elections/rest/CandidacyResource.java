package org.grassroots.elections.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.service.CandidacyService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/candidacies")
@Tag(name = "Candidacies", description = "Candidate selection inside the party (elections team only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
public class CandidacyResource {

    @Inject
    CandidacyService candidacies;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional // the response is built inside the transaction that wrote it
    @Operation(operationId = "createCandidacy",
            summary = "A member applies or is nominated for a ballot", description = "Roles: admin, elections. "
            + "Starts at stage applied. A member whose membership is not active is accepted but flagged "
            + "(memberLapsed) and cannot be selected.")
    @APIResponseSchema(value = CandidacyRecord.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "409", description = "Already in selection for this ballot, or the ballot is locked or "
            + "cancelled")
    @APIResponse(responseCode = "422", description = "Unknown member, or our party not recorded")
    public Response enter(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewCandidacyRequest request,
                          @Context UriInfo uri) {
        Candidacy c = candidacies.enter(request.ballotPaperId(), request.memberId(), request.name(), request.route());
        return Created.at(uri, c.id, CandidacyRecord.of(c));
    }

    @POST
    @Idempotent
    @Path("/{id}/stage-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeCandidacyStage",
            summary = "Move a candidacy through selection", description = "Roles: admin, elections. The history "
            + "keeps every step.")
    @APIResponseSchema(value = CandidacyRecord.class, responseDescription = "The candidacy")
    @APIResponse(responseCode = "409", description = "Not a selection candidacy, or standing on a locked ballot")
    @APIResponse(responseCode = "422", description = "A move the stages do not allow, or selecting a member who is "
            + "not active (member-not-in-good-standing); nothing changes")
    public CandidacyRecord changeStage(@PathParam("id") UUID id,
                                       @NotNull(message = Problem.BODY_REQUIRED) @Valid StageChangeRequest request) {
        return CandidacyRecord.of(candidacies.changeStage(id, request.stage(), request.reason()));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getCandidacy", summary = "Read a candidacy", description = "Roles: admin, elections.")
    @APIResponseSchema(value = CandidacyRecord.class, responseDescription = "The candidacy")
    @APIResponse(responseCode = "404", description = "No such candidacy")
    public CandidacyRecord get(@PathParam("id") UUID id) {
        return CandidacyRecord.of(candidacies.find(id));
    }

    @GET
    @Transactional
    @Operation(operationId = "listCandidacies",
            summary = "A ballot's candidacies", description = "Roles: admin, elections. Ours in every stage and "
            + "the other parties' candidates.")
    @APIResponseSchema(value = CandidacyRecordPage.class, responseDescription = "The candidacies")
    @APIResponse(responseCode = "400", description = "No ?ballot=")
    public CandidacyRecordPage list(@Parameter(required = true, description = "The ballot paper id")
                                    @QueryParam("ballot") String ballot) {
        if (ballot == null) {
            throw ProblemException.badRequest("ballot", "is required (a ballot paper id)");
        }
        return new CandidacyRecordPage(candidacies.onBallot(ballot).stream().map(CandidacyRecord::of).toList(), null);
    }
}
