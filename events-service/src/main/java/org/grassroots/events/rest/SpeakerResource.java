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
import org.grassroots.events.domain.Speaker;
import org.grassroots.events.service.EventService;
import org.grassroots.events.service.SpeakerService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.List;
import java.util.UUID;

@Path("/events/{eventId}/speakers")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    @Inject
    SpeakerService speakers;

    @Inject
    EventService events;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "addSpeaker",
            summary = "Add a speaker", description = "Roles: organiser (host branch), admin. Speakers are shown "
            + "publicly with the event.")
    @APIResponseSchema(value = SpeakerView.class, responseCode = "201", responseDescription = "Added")
    public Response add(@PathParam("eventId") UUID eventId,
                        @NotNull(message = Problem.BODY_REQUIRED) @Valid NewSpeakerRequest request,
                        @Context UriInfo uri) {
        Speaker speaker = speakers.add(eventId, request.name(), request.organisation(), request.role(),
                request.session(), request.timeslotId(), callers.current());
        return Created.at(uri, speaker.id, SpeakerView.of(speaker));
    }

    @GET
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listSpeakers",
            summary = "The event's speakers", description = "Role: whoever may see the event.")
    public List<SpeakerView> list(@PathParam("eventId") UUID eventId) {
        events.visible(eventId, callers.current());
        return speakers.of(eventId).stream().map(SpeakerView::of).toList();
    }

    @DELETE
    @Path("/{speakerId}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "removeSpeaker",
            summary = "Remove a speaker", description = "Roles: organiser (host branch), admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("eventId") UUID eventId, @PathParam("speakerId") UUID speakerId) {
        speakers.remove(eventId, speakerId, callers.current());
    }
}
