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
import jakarta.ws.rs.QueryParam;
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
import org.grassroots.events.domain.Feedback;
import org.grassroots.events.domain.FeedbackQuestion;
import org.grassroots.events.service.EventService;
import org.grassroots.events.service.FeedbackService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.List;
import java.util.UUID;

@Path("/events/{eventId}")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    @Inject
    FeedbackService feedback;

    @Inject
    EventService events;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "askQuestion",
            summary = "Ask a question at the event", description = "Roles: organiser (host branch), admin.")
    @APIResponseSchema(value = QuestionView.class, responseCode = "201", responseDescription = "Added")
    public Response ask(@PathParam("eventId") UUID eventId,
                        @NotNull(message = Problem.BODY_REQUIRED) @Valid NewQuestionRequest request,
                        @Context UriInfo uri) {
        FeedbackQuestion question = feedback.ask(eventId, request.text(), callers.current());
        return Created.at(uri, question.id, QuestionView.of(question));
    }

    @GET
    @Path("/questions")
    @PermitAll
    // Anonymous callers, and callers with a token (who may see more).
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listQuestions",
            summary = "The questions asked at the event", description = "Role: whoever may see the event.")
    public List<QuestionView> questions(@PathParam("eventId") UUID eventId) {
        events.visible(eventId, callers.current());
        return feedback.questions(eventId).stream().map(QuestionView::of).toList();
    }

    @POST
    @Idempotent
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "recordFeedback",
            summary = "Record a response", description = "Roles: organiser (host branch), admin. Topics from the "
            + "managed list; contact details only with consent. Publishes org.grassroots.event.feedback-recorded.v1.")
    @APIResponseSchema(value = FeedbackView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid body: answer too long, no topics, contact details "
            + "without consent, ...")
    @APIResponse(responseCode = "422", description = "A topic not on the list, a question or timeslot not of this "
            + "event, or an event not published")
    public Response record(@PathParam("eventId") UUID eventId,
                           @NotNull(message = Problem.BODY_REQUIRED) @Valid NewFeedbackRequest request,
                           @Context UriInfo uri) {
        Feedback recorded = feedback.record(eventId, request.details(), callers.current());
        return Created.at(uri, recorded.id, FeedbackView.of(recorded));
    }

    @GET
    @Path("/feedback")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "listFeedback",
            summary = "The event's responses", description = "Roles: organiser (host branch), admin.")
    @APIResponseSchema(value = FeedbackPage.class, responseDescription = "A page of responses")
    public FeedbackPage list(@PathParam("eventId") UUID eventId, @QueryParam("limit") Integer limit,
                             @QueryParam("cursor") String cursor) {
        Page<FeedbackView> page = feedback.list(eventId, PageRequest.of(limit, cursor, 1), callers.current())
                .map(FeedbackView::of);
        return new FeedbackPage(page.items(), page.nextCursor());
    }

    @DELETE
    @Path("/feedback/{feedbackId}/contact")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "eraseFeedbackContact",
            summary = "Erase a respondent's contact details", description = "Roles: organiser (host branch), "
            + "admin. What they said stays; who they are goes.")
    @APIResponseSchema(value = FeedbackView.class, responseDescription = "The response without contact details")
    public FeedbackView eraseContact(@PathParam("eventId") UUID eventId, @PathParam("feedbackId") UUID feedbackId) {
        return FeedbackView.of(feedback.eraseContact(eventId, feedbackId, callers.current()));
    }
}
