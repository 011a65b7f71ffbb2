package org.grassroots.events.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.events.domain.Campaign;
import org.grassroots.events.service.CampaignRollUp;
import org.grassroots.events.service.CampaignService;
import org.grassroots.events.service.RollUpService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/campaigns")
@Tag(name = "Campaigns", description = "Many events under one banner, and what they added up to")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    RollUpService rollUps;

    @Inject
    Callers callers;

    @Inject
    org.grassroots.events.service.FeedbackExport export;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCampaign", summary = "Create a campaign", description = "Role: admin.")
    @APIResponseSchema(value = CampaignView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Invalid body (endsOn before startsOn, ...)")
    @APIResponse(responseCode = "409", description = "A campaign with this name exists")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewCampaignRequest request,
                           @Context UriInfo uri) {
        Campaign campaign = campaigns.create(request.name(), request.description(), request.startsOn(),
                request.endsOn());
        return Created.at(uri, campaign.id, CampaignView.of(campaign));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCampaigns", summary = "List campaigns", description = "Role: public. Oldest first.")
    @APIResponseSchema(value = CampaignPage.class, responseDescription = "A page of campaigns")
    public CampaignPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<CampaignView> page = campaigns.list(PageRequest.of(limit, cursor, 2)).map(CampaignView::of);
        return new CampaignPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCampaign", summary = "Read a campaign", description = "Role: public.")
    @APIResponseSchema(value = CampaignView.class, responseDescription = "The campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView get(@PathParam("id") UUID id) {
        return CampaignView.of(campaigns.find(id));
    }

    @PUT
    @Path("/{id}/events/{eventId}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "addCampaignEvent",
            summary = "Add an event to the campaign", description = "Roles: organiser (the event's host branch), "
            + "admin. An event is in one campaign at most; this moves it. Publishes event.updated.v1 unless a draft.")
    @APIResponse(responseCode = "204", description = "The event is in the campaign")
    @APIResponse(responseCode = "403", description = "Another branch's event")
    @APIResponse(responseCode = "404", description = "No such campaign or event")
    public void addEvent(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        campaigns.assign(id, eventId, callers.current());
    }

    @DELETE
    @Path("/{id}/events/{eventId}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "removeCampaignEvent",
            summary = "Take an event out of the campaign", description = "Roles: organiser (host branch), admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeEvent(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        campaigns.remove(id, eventId, callers.current());
    }

    @GET
    @Path("/{id}/feedback")
    @Produces("text/csv")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "exportCampaignFeedbackCsv",
            summary = "Export the campaign's feedback as CSV", description = "Roles: organiser (their branch's "
            + "events), admin. For the policy team: what was said, where, when, its topics; no contact details. "
            + "Spreadsheet formulas are defused.")
    @APIResponse(responseCode = "200", description = "CSV with a header row", content = @Content(mediaType = "text/csv"))
    public Response feedback(@PathParam("id") UUID id) {
        var rows = export.rows(id, callers.current());
        StringBuilder csv = new StringBuilder(FeedbackCsv.header());
        rows.forEach(r -> csv.append(FeedbackCsv.row(r)));
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"feedback.csv\"").build();
    }

    @GET
    @Path("/{id}/roll-up")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "getCampaignRollUp",
            summary = "The campaign's roll-up", description = "Roles: organiser, admin. Events by status; per "
            + "location (town and postcode) events, RSVPs, attendance and feedback; totals; feedback by topic and "
            + "by topic and location. Counts only.")
    @APIResponseSchema(value = CampaignRollUp.class, responseDescription = "The roll-up")
    public CampaignRollUp rollUp(@PathParam("id") UUID id) {
        return rollUps.of(id);
    }
}
