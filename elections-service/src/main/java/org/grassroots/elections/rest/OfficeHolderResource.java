package org.grassroots.elections.rest;

import jakarta.annotation.security.PermitAll;
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
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.elections.service.OfficeHolderService;
import org.grassroots.elections.service.OfficeHolderService.AffiliationSpec;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/office-holders")
@Tag(name = "Office-holders", description = "Councillors and other people holding a post, with their party history")
@Produces(MediaType.APPLICATION_JSON)
public class OfficeHolderResource {

    @Inject
    OfficeHolderService officeHolders;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Transactional // the response is built from the entity, inside the transaction that changed it
    @Operation(operationId = "createOfficeHolder",
            summary = "Record an office-holder", description = "Roles: admin, elections. Publishes "
            + "org.grassroots.office-holder.joined.v1.")
    @APIResponseSchema(value = OfficeHolderRecord.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "422", description = "Overlapping affiliations, the latest not open, a future date, "
            + "or an unknown post, party or member; nothing is recorded")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewOfficeHolderRequest request,
                           @Context UriInfo uri) {
        OfficeHolder h = officeHolders.create(request.name(), request.postId(), request.memberId(),
                request.affiliations().stream().map(a -> new AffiliationSpec(a.partyId(), a.startDate(), a.endDate(),
                        a.endReason())).toList());
        return Created.at(uri, h.id, OfficeHolderRecord.of(h));
    }

    @POST
    @Idempotent
    @Path("/{id}/party-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Transactional // the response is built from the entity, inside the transaction that changed it
    @Operation(operationId = "recordPartyChange",
            summary = "Record a change of party", description = "Roles: admin, elections. Closes the current "
            + "affiliation the day before `date` (with the reason) and opens the next; the person keeps one record. "
            + "Publishes org.grassroots.office-holder.changed-party.v1.")
    @APIResponseSchema(value = OfficeHolderRecord.class, responseDescription = "The office-holder after the change")
    @APIResponse(responseCode = "404", description = "No such office-holder")
    @APIResponse(responseCode = "409", description = "The office-holder has left office")
    @APIResponse(responseCode = "422", description = "The change would overlap the current affiliation, is to the same "
            + "party, is dated in the future, or names an unknown party; nothing changes")
    public OfficeHolderRecord changeParty(@PathParam("id") UUID id,
                                          @NotNull(message = Problem.BODY_REQUIRED) @Valid PartyChangeRequest request) {
        return OfficeHolderRecord.of(officeHolders.changeParty(id, request.partyId(), request.date(), request.reason()));
    }

    @POST
    @Idempotent
    @Path("/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Transactional // the response is built from the entity, inside the transaction that changed it
    @Operation(operationId = "recordLeavingOffice",
            summary = "Record leaving office", description = "Roles: admin, elections. Publishes "
            + "org.grassroots.office-holder.left.v1.")
    @APIResponseSchema(value = OfficeHolderRecord.class, responseDescription = "The office-holder")
    @APIResponse(responseCode = "409", description = "Left office already")
    @APIResponse(responseCode = "422", description = "A date before the current affiliation, or in the future")
    public OfficeHolderRecord leave(@PathParam("id") UUID id,
                                    @NotNull(message = Problem.BODY_REQUIRED) @Valid LeaveOfficeRequest request) {
        return OfficeHolderRecord.of(officeHolders.leave(id, request.date(), request.reason()));
    }

    @jakarta.ws.rs.PUT
    @Path("/{id}/member")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Transactional
    @Operation(operationId = "linkOfficeHolderToMember",
            summary = "Link the office-holder to a member of ours", description = "Roles: admin, elections. "
            + "{\"memberId\": null} unlinks. Publishes org.grassroots.office-holder.member-linked.v1 when the link "
            + "changes; a repeat changes nothing.")
    @APIResponseSchema(value = OfficeHolderRecord.class, responseDescription = "The office-holder")
    @APIResponse(responseCode = "404", description = "No such office-holder")
    @APIResponse(responseCode = "422", description = "No such member known here")
    public OfficeHolderRecord linkMember(@PathParam("id") UUID id,
                                         @NotNull(message = Problem.BODY_REQUIRED) MemberLinkRequest request) {
        return OfficeHolderRecord.of(officeHolders.linkMember(id, request.memberId()));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listOfficeHolders",
            summary = "List office-holders", description = "Role: public. No member links. Most recent start "
            + "first; filters: post, party (sitting for it now), current (in office).")
    @APIResponseSchema(value = OfficeHolderPage.class, responseDescription = "A page of office-holders")
    public OfficeHolderPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("post") UUID post,
                                 @Parameter(description = "Sitting for this party now") @QueryParam("party") UUID party,
                                 @Parameter(description = "Only those in office") @QueryParam("current") boolean current) {
        Page<OfficeHolderView> page = officeHolders.list(PageRequest.of(limit, cursor, 2), post, party, current)
                .map(OfficeHolderView::of);
        return new OfficeHolderPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOfficeHolder",
            summary = "Read an office-holder", description = "Role: public. Affiliations and history; no member "
            + "link.")
    @APIResponseSchema(value = OfficeHolderView.class, responseDescription = "The office-holder")
    @APIResponse(responseCode = "404", description = "No such office-holder")
    public OfficeHolderView get(@PathParam("id") UUID id) {
        return OfficeHolderView.of(officeHolders.find(id));
    }

    @GET
    @Path("/{id}/record")
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "getOfficeHolderRecord",
            summary = "Read an office-holder with the member link", description = "Roles: admin, elections.")
    @APIResponseSchema(value = OfficeHolderRecord.class, responseDescription = "The office-holder")
    @APIResponse(responseCode = "404", description = "No such office-holder")
    public OfficeHolderRecord record(@PathParam("id") UUID id) {
        return OfficeHolderRecord.of(officeHolders.find(id));
    }
}
