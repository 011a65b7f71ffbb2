package org.grassroots.events.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.events.service.RsvpService;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;

import java.util.UUID;

@Path("/events/{eventId}/rsvps")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class RsvpResource {

    @Inject
    RsvpService rsvps;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "listRsvps",
            summary = "An event's RSVPs", description = "Roles: organiser (host branch) and admin see all, in "
            + "waitlist order; a member sees their own.")
    @APIResponseSchema(value = RsvpPage.class, responseDescription = "A page of RSVPs")
    public RsvpPage list(@PathParam("eventId") UUID eventId, @QueryParam("timeslot") UUID timeslot,
                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<RsvpView> page = rsvps.list(eventId, timeslot, PageRequest.of(limit, cursor, 1), callers.current())
                .map(RsvpView::of);
        return new RsvpPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{rsvpId}")
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getRsvp",
            summary = "One RSVP, with where to go once it is accepted", description = "Roles: the member themself, a "
            + "member of the public with the Cancellation-Token header (given once, with the RSVP), organiser (host "
            + "branch), admin. How someone on the waitlist learns that a cancellation gave them a place: an accepted "
            + "RSVP's answer carries the event's whole location, an attendees-only address included.")
    @APIResponseSchema(value = RsvpView.class, responseDescription = "The RSVP")
    @APIResponse(responseCode = "403", description = "Not yours")
    public RsvpView get(@PathParam("eventId") UUID eventId, @PathParam("rsvpId") UUID rsvpId,
                        @HeaderParam("Cancellation-Token") String cancellationToken) {
        RsvpService.Held held = rsvps.held(eventId, rsvpId, cancellationToken, callers.current());
        return RsvpView.answering(held.rsvp(), held.event());
    }

    @DELETE
    @Path("/{rsvpId}")
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "cancelRsvp",
            summary = "Cancel an RSVP", description = "Roles: the member themself, a member of the public with "
            + "the Cancellation-Token header (given once, with the RSVP), organiser (host branch), admin. An "
            + "accepted place goes to the longest-waiting RSVP on the waitlist. Cancelling twice changes nothing.")
    @APIResponseSchema(value = RsvpView.class, responseDescription = "The cancelled RSVP")
    @APIResponse(responseCode = "403", description = "Not yours")
    public RsvpView cancel(@PathParam("eventId") UUID eventId, @PathParam("rsvpId") UUID rsvpId,
                           @HeaderParam("Cancellation-Token") String cancellationToken) {
        return RsvpView.of(rsvps.cancel(eventId, rsvpId, cancellationToken, callers.current()).cancelled());
    }

    @POST
    @Idempotent
    @Path("/{rsvpId}/check-in")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "checkIn",
            summary = "Check someone in (attended)", description = "Roles: organiser (host branch), admin. "
            + "Publishes org.grassroots.event.attendance-recorded.v1 once.")
    @APIResponseSchema(value = RsvpView.class, responseDescription = "The RSVP, attended")
    @APIResponse(responseCode = "422", description = "Not an accepted RSVP, or the event is not on")
    public RsvpView checkIn(@PathParam("eventId") UUID eventId, @PathParam("rsvpId") UUID rsvpId) {
        return RsvpView.of(rsvps.checkIn(eventId, rsvpId, callers.current()));
    }
}
