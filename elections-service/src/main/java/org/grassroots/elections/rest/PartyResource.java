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
import org.grassroots.elections.domain.Party;
import org.grassroots.elections.service.PartyService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/parties")
@Tag(name = "Parties", description = "Political parties, by Electoral Commission id")
@Produces(MediaType.APPLICATION_JSON)
public class PartyResource {

    @Inject
    PartyService parties;

    @Inject
    org.grassroots.elections.service.OfficeHolderService officeHolders;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "createParty",
            summary = "Record a party", description = "Roles: admin, elections. Independents are no party: "
            + "leave the party out where one is asked for.")
    @APIResponseSchema(value = PartyView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "A party with this Electoral Commission id exists")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewPartyRequest request,
                           @Context UriInfo uri) {
        Party p = parties.create(request.name(), request.ecId());
        return Created.at(uri, p.id, view(p));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listParties",
            summary = "List parties", description = "Role: public. By name; cursor-paginated.")
    @APIResponseSchema(value = PartyPage.class, responseDescription = "A page of parties")
    public PartyPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                          @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                  description = "Only the party with this Electoral Commission id", example = "PP53")
                          @QueryParam("ecId") String ecId) {
        Page<PartyView> page = parties.list(PageRequest.of(limit, cursor, 2), ecId).map(this::view);
        return new PartyPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getParty", summary = "Read a party", description = "Role: public.")
    @APIResponseSchema(value = PartyView.class, responseDescription = "The party")
    @APIResponse(responseCode = "404", description = "No such party")
    public PartyView get(@PathParam("id") UUID id) {
        return view(parties.find(id));
    }

    private PartyView view(Party p) {
        return PartyView.of(p, parties.isOurs(p), officeHolders.currentCount(p.id));
    }
}
