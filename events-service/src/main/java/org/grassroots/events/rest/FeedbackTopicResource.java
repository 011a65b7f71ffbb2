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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.events.service.FeedbackService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.List;

@Path("/feedback-topics")
@Tag(name = "Feedback", description = "What the public told us at stalls")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackTopicResource {

    @Inject
    FeedbackService feedback;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createFeedbackTopic",
            summary = "Add a topic to the managed list", description = "Role: admin. A retired slug is revived.")
    @APIResponseSchema(value = TopicView.class, responseCode = "201", responseDescription = "Added")
    @APIResponse(responseCode = "409", description = "The topic exists")
    public Response add(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewTopicRequest request,
                        @Context UriInfo uri) {
        var topic = feedback.addTopic(request.slug(), request.label());
        return Created.at(uri, topic.slug, TopicView.of(topic));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listFeedbackTopics",
            summary = "The topic list", description = "Role: public. Active topics by slug.")
    public List<TopicView> list() {
        return feedback.topics().stream().map(TopicView::of).toList();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireFeedbackTopic",
            summary = "Retire a topic", description = "Role: admin. New responses cannot use it; old ones keep it.")
    @APIResponse(responseCode = "204", description = "Retired")
    public void retire(@PathParam("slug") String slug) {
        feedback.retireTopic(slug);
    }
}
