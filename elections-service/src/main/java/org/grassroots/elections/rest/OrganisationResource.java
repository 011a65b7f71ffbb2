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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.elections.domain.Organisation;
import org.grassroots.elections.service.OrganisationService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/organisations")
@Tag(name = "Organisations", description = "Councils and parliaments that hold elections")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    @Inject
    OrganisationService organisations;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "createOrganisation",
            summary = "Record an organisation", description = "Roles: admin, elections.")
    @APIResponseSchema(value = OrganisationView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "Slug or GSS code taken")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewOrganisationRequest request,
                           @Context UriInfo uri) {
        Organisation o = organisations.create(request.slug(), request.name(), request.organisationType(),
                request.gssCode());
        return Created.at(uri, o.id, OrganisationView.of(o));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listOrganisations",
            summary = "List organisations", description = "Role: public. By slug; cursor-paginated.")
    @APIResponseSchema(value = OrganisationPage.class, responseDescription = "A page of organisations")
    public OrganisationPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<OrganisationView> page = organisations.list(PageRequest.of(limit, cursor, 1)).map(OrganisationView::of);
        return new OrganisationPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOrganisation", summary = "Read an organisation", description = "Role: public.")
    @APIResponseSchema(value = OrganisationView.class, responseDescription = "The organisation")
    @APIResponse(responseCode = "404", description = "No such organisation")
    public OrganisationView get(@PathParam("id") UUID id) {
        return OrganisationView.of(organisations.find(id));
    }
}
