package org.grassroots.webhooks.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.security.Roles;
import org.grassroots.webhooks.service.DeliveryLogService;

import java.util.UUID;

/** An endpoint's delivery log, and sending its messages again (one, or all that failed since a time). */
@Path("/webhook-endpoints/{id}")
@Tag(name = "Webhook endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeliveryLogResource {

    private static final String ROLES = "Roles: admin, or an API key with webhooks:read (webhooks:write to send "
            + "again), for the endpoints it registered. ";

    @Inject
    DeliveryLogService log;

    @Inject
    Callers callers;

    @GET
    @Path("/attempts")
    @Operation(operationId = "listWebhookAttempts", summary = "List an endpoint's delivery attempts",
            description = ROLES + "Every attempt of every message (test pings included), oldest first; "
                    + "cursor-paginated; `outcome` keeps only succeeded or failed ones.")
    @APIResponseSchema(value = LoggedAttemptPage.class, responseDescription = "A page of attempts")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or outcome")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    public LoggedAttemptPage attempts(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor,
                                      @Parameter(schema = @Schema(enumeration = {"succeeded", "failed"}))
                                      @QueryParam("outcome") String outcome) {
        Page<LoggedAttemptView> page = log.attempts(callers.current(), id, outcome, PageRequest.of(limit, cursor, 1))
                .map(LoggedAttemptView::of);
        return new LoggedAttemptPage(page.items(), page.nextCursor());
    }

    @POST
    @Idempotent
    @Path("/messages/{messageId}/resend")
    @Operation(operationId = "resendWebhookMessage", summary = "Send a message again",
            description = ROLES + "A new attempt of the message, now, with the same webhook-id (receivers "
                    + "de-duplicate by it); its outcome goes to the attempts log. A message that had failed is "
                    + "attempted once; one still being retried keeps its schedule.")
    @APIResponse(responseCode = "202", description = "The attempt is due now")
    @APIResponse(responseCode = "404", description = "No such endpoint or message (or not yours)")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled, or an attempt is under way")
    public Response resend(@PathParam("id") UUID id, @PathParam("messageId") String messageId) {
        log.resend(callers.current(), id, messageId);
        return Response.accepted().build();
    }

    @POST
    @Idempotent
    @Path("/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recoverWebhookMessages", summary = "Re-send every message that failed since a time",
            description = ROLES + "Starts a recovery: every event message whose last attempt failed at or after "
                    + "`since` is attempted once more, now (test pings are not). Answers the job, whose progress "
                    + "its Location shows.")
    @APIResponseSchema(value = RecoveryView.class, responseCode = "202",
            responseDescription = "The recovery, started")
    @APIResponse(responseCode = "400", description = "No since, or not a date-time")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled")
    public Response recover(@PathParam("id") UUID id,
                            @NotNull(message = Problem.BODY_REQUIRED) @Valid RecoveryRequest request,
                            @Context UriInfo uri) {
        RecoveryView view = RecoveryView.of(log.recover(callers.current(), id, request.since()));
        return Response.accepted(view).location(uri.getBaseUriBuilder().path("webhook-endpoints")
                .path(id.toString()).path("recoveries").path(view.id().toString()).build()).build();
    }

    @GET
    @Path("/recoveries/{recoveryId}")
    @Operation(operationId = "getWebhookRecovery", summary = "Read a recovery's progress",
            description = ROLES + "`completed` once every message of it has been attempted again.")
    @APIResponseSchema(value = RecoveryView.class, responseDescription = "The recovery")
    @APIResponse(responseCode = "404", description = "No such endpoint or recovery (or not yours)")
    public RecoveryView recovery(@PathParam("id") UUID id, @PathParam("recoveryId") UUID recoveryId) {
        return RecoveryView.of(log.recovery(callers.current(), id, recoveryId));
    }
}
