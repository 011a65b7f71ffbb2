package org.grassroots.members.rest;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;
import org.grassroots.members.domain.Branch;
import org.grassroots.members.service.BranchService;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Path("/branches")
@Tag(name = "Branches", description = "Local branches")
@Produces(MediaType.APPLICATION_JSON)
public class BranchResource {

    @Inject
    BranchService branches;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createBranch", summary = "Create a branch", description = "Role: admin.")
    @APIResponseSchema(value = BranchView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "409", description = "A branch with this name exists")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewBranchRequest request,
                           @Context UriInfo uri) {
        Branch branch = branches.create(request.name(), Objects.requireNonNullElse(request.postcodeDistricts(), List.of()));
        return Created.at(uri, branch.id, BranchView.of(branch));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listBranches", summary = "List branches", description = "Role: public. Ordered by slug.")
    @APIResponseSchema(value = BranchPage.class, responseDescription = "A page of branches")
    public BranchPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<BranchView> page = branches.list(PageRequest.of(limit, cursor, 1)).map(BranchView::of);
        return new BranchPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getBranch", summary = "Read a branch", description = "Role: public.")
    @APIResponseSchema(value = BranchView.class, responseDescription = "The branch")
    @APIResponse(responseCode = "404", description = "No such branch")
    public BranchView get(@PathParam("id") UUID id) {
        return branches.find(id).map(BranchView::of).orElseThrow(() -> ProblemException.notFound("Branch " + id));
    }
}
