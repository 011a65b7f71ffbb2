package org.grassroots.events.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.events.domain.Timeslot;
import org.grassroots.events.service.EventService;
import org.grassroots.events.service.RsvpService;
import org.grassroots.events.service.TimeslotService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.List;
import java.util.UUID;

@Path("/events/{eventId}/timeslots")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class TimeslotResource {

    @Inject
    TimeslotService timeslots;

    @Inject
    RsvpService rsvps;

    @Inject
    EventService events;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "addTimeslot",
            summary = "Add a timeslot", description = "Roles: organiser (host branch), admin.")
    @APIResponseSchema(value = TimeslotView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Negative capacity, endsAt not after startsAt, ...")
    @APIResponse(responseCode = "422", description = "The event is cancelled or completed")
    public Response add(@PathParam("eventId") UUID eventId,
                        @NotNull(message = Problem.BODY_REQUIRED) @Valid NewTimeslotRequest request,
                        @Context UriInfo uri) {
        Timeslot slot = timeslots.add(eventId, request.label(), request.startsAt(), request.endsAt(),
                request.capacity(), request.waitlist(), callers.current());
        return Created.at(uri, slot.id, TimeslotView.of(new TimeslotService.Occupancy(slot, 0, 0)));
    }

    @GET
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listTimeslots",
            summary = "An event's timeslots and how full they are", description = "Role: whoever may see the event.")
    @APIResponse(responseCode = "200", description = "Timeslots by start")
    public List<TimeslotView> list(@PathParam("eventId") UUID eventId) {
        return timeslots.of(events.visible(eventId, callers.current())).stream().map(TimeslotView::of).toList();
    }

    @POST
    @Idempotent
    @Path("/{timeslotId}/rsvps")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "recordRsvp",
            summary = "RSVP to a timeslot", description = "Role: public (name, email, consent), member (themself, "
            + "checked against the membership: known and active), organiser/admin (naming a member). Within the "
            + "capacity the RSVP is accepted, beyond it waitlisted; never overbooked, also under concurrent requests. "
            + "Once the timeslot has started, only its organisers (host branch) and admins record RSVPs (from a "
            + "sign-up sheet); the public and members get 422 event-past.")
    @APIResponseSchema(value = RsvpView.class, responseCode = "201",
            responseDescription = "Accepted or waitlisted (see status)")
    @APIResponse(responseCode = "400", description = "Missing name/email/consent, invalid email, text too long")
    @APIResponse(responseCode = "409", description = "Already registered, or full without a waitlist")
    @APIResponse(responseCode = "422", description = "Event cancelled, not published, or started (for the public "
            + "and members); member unknown or not active")
    public Response rsvp(@PathParam("eventId") UUID eventId, @PathParam("timeslotId") UUID timeslotId,
                         @Valid RsvpRequest request, @Context UriInfo uri) {
        Rsvp rsvp = rsvps.rsvp(eventId, timeslotId, (request == null ? RsvpRequest.EMPTY : request).details(),
                callers.current());
        return Response.created(uri.getBaseUriBuilder().path("events").path(eventId.toString()).path("rsvps")
                .path(rsvp.id.toString()).build()).entity(RsvpView.answering(rsvp, Event.require(eventId))).build();
    }

    @POST
    @Idempotent
    @Path("/{timeslotId}/walk-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "recordWalkIn",
            summary = "Record a walk-in (attended without an RSVP)", description = "Roles: organiser (host branch), "
            + "admin. For a timeslot that has started or is over: a member by memberId, or a member of the public with "
            + "givenName, email and consent. Recorded as attended at once and counted in the campaign roll-up; the "
            + "capacity does not apply. Publishes org.grassroots.event.attendance-recorded.v1.")
    @APIResponseSchema(value = RsvpView.class, responseCode = "201", responseDescription = "The walk-in, attended")
    @APIResponse(responseCode = "400", description = "Nobody named, or a member of the public without name, email or "
            + "consent")
    @APIResponse(responseCode = "409", description = "They have an RSVP for the timeslot already: check it in")
    @APIResponse(responseCode = "422", description = "The timeslot has not started; the event is a draft or "
            + "cancelled; the member is unknown or not active")
    public Response walkIn(@PathParam("eventId") UUID eventId, @PathParam("timeslotId") UUID timeslotId,
                           @NotNull(message = Problem.BODY_REQUIRED) @Valid RsvpRequest request, @Context UriInfo uri) {
        Rsvp walkIn = rsvps.walkIn(eventId, timeslotId, request.details(), callers.current());
        return Response.created(uri.getBaseUriBuilder().path("events").path(eventId.toString()).path("rsvps")
                .path(walkIn.id.toString()).build()).entity(RsvpView.of(walkIn)).build();
    }
}
