package org.grassroots.webhooks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.openapi.ResponseHeaders;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.patch.JsonMergePatch;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.security.ApiKeyGrants;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.security.Roles;
import org.grassroots.webhooks.domain.WebhookEndpoint;
import org.grassroots.webhooks.service.EndpointService;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/webhook-endpoints")
@Tag(name = "Webhook endpoints", description = "Where third-party tools receive signed deliveries (Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookEndpointResource {

    private static final String ROLES = "Roles: admin, or an API key with webhooks:write (webhooks:read to read), "
            + "which sees only the endpoints it registered. ";

    @Inject
    EndpointService endpoints;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    JsonWebToken token;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = ROLES + "The answer carries the signing secret (`whsec_...`), shown only this once. The URL "
                    + "must be https in production, and may not resolve to a loopback, private or link-local address "
                    + "unless the service allows private targets (the local run does).")
    @APIResponseSchema(value = RegisteredWebhookEndpoint.class, responseCode = "201",
            responseDescription = "Registered; the secret is in this answer only")
    @APIResponse(responseCode = "400", description = "Invalid field (not an absolute http(s) URL, no event type)")
    @APIResponse(responseCode = "422", description = "Unknown event type, or a URL whose host is not public")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewWebhookEndpointRequest request,
                           @Context UriInfo uri) {
        EndpointService.Registered registered = endpoints.create(callers.current(), ownerScopes(), request.url(),
                request.eventTypes(), request.description());
        return Response.created(uri.getAbsolutePathBuilder().path(registered.endpoint().id.toString()).build())
                .entity(RegisteredWebhookEndpoint.of(registered)).tag(etag(registered.endpoint())).build();
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints",
            description = ROLES + "Oldest first; cursor-paginated.")
    @APIResponseSchema(value = WebhookEndpointPage.class, responseDescription = "A page of endpoints")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public WebhookEndpointPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<WebhookEndpointView> page = endpoints.list(callers.current(), PageRequest.of(limit, cursor, 1))
                .map(WebhookEndpointView::of);
        return new WebhookEndpointPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint",
            description = ROLES + "Never the secret.")
    @APIResponseSchema(value = WebhookEndpointView.class, responseDescription = "The endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    public Response get(@PathParam("id") UUID id) {
        WebhookEndpoint endpoint = endpoints.find(callers.current(), id);
        return Response.ok(WebhookEndpointView.of(endpoint)).tag(etag(endpoint)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = ROLES + "JSON Merge Patch of url, eventTypes, description, disabled; If-Match with the "
                    + "ETag is honoured.")
    @RequestBody(content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = WebhookEndpointChangeRequest.class)))
    @APIResponseSchema(value = WebhookEndpointView.class, responseDescription = "The endpoint")
    @APIResponse(responseCode = "400", description = "Invalid patch")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Unknown event type, or a URL whose host is not public")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        WebhookEndpointChangeRequest request = JsonMergePatch.read(patch, WebhookEndpointChangeRequest.class,
                WebhookEndpointChangeRequest.WRITABLE, WebhookEndpointChangeRequest.REMOVABLE, mapper, validator);
        WebhookEndpoint endpoint = endpoints.change(callers.current(), id, request.url(), request.eventTypes(),
                request.description(), JsonMergePatch.removes(patch, "description"), request.disabled(),
                JsonMergePatch.ifMatchVersion(ifMatch));
        return Response.ok(WebhookEndpointView.of(endpoint)).tag(etag(endpoint)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Remove a webhook endpoint",
            description = ROLES + "Its secrets go with it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    public void delete(@PathParam("id") UUID id) {
        endpoints.delete(callers.current(), id);
    }

    @POST
    @Idempotent
    @Path("/{id}/secret-rotations")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's signing secret",
            description = ROLES + "The new secret is shown only in this answer; the previous one keeps signing "
                    + "alongside it for 24 hours (two signatures in webhook-signature), so a receiver can switch "
                    + "without missing a delivery.")
    @APIResponseSchema(value = SecretRotationView.class, responseCode = "201",
            responseDescription = "Rotated; the new secret is in this answer only")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    public Response rotate(@PathParam("id") UUID id, @Context UriInfo uri) {
        EndpointService.Rotated rotated = endpoints.rotate(callers.current(), id);
        return Response.created(uri.getBaseUriBuilder().path("webhook-endpoints").path(id.toString()).build())
                .entity(new SecretRotationView(id, rotated.secret(), rotated.previousSecretExpiresAt())).build();
    }

    @POST
    @Idempotent
    @Path("/{id}/test")
    @Operation(operationId = "testWebhookEndpoint", summary = "Send a test ping to an endpoint",
            description = ROLES + "Sends a `ping` message "
                    + "(`{\"type\":\"ping\",\"timestamp\",\"data\":{\"endpointId\"}}`), signed like every delivery, "
                    + "now, and answers how the attempt went (a failed attempt is still a 200: the request to test "
                    + "succeeded). A URL whose host no longer resolves to public addresses only is not sent to: "
                    + "the attempt failed, its `error` says why.")
    @APIResponseSchema(value = DeliveryAttemptView.class, responseDescription = "The attempt")
    @APIResponse(responseCode = "404", description = "No such endpoint (or not yours)")
    public DeliveryAttemptView test(@PathParam("id") UUID id) {
        return DeliveryAttemptView.of(endpoints.ping(callers.current(), id));
    }

    /**
     * An API key's scopes (which bound what its endpoints receive), or null for a person: an admin's endpoints
     * receive every type.
     */
    private Set<String> ownerScopes() {
        if (token == null || token.getGroups() == null || !token.getGroups().contains(ApiKeyGrants.INTEGRATION)) {
            return null;
        }
        Object claim = token.getClaimNames().contains(ApiKeyGrants.SCOPE_CLAIM)
                ? token.getClaim(ApiKeyGrants.SCOPE_CLAIM) : null;
        String text = claim == null ? "" : claim.toString().replace("\"", "");
        return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    private static EntityTag etag(WebhookEndpoint endpoint) {
        return new EntityTag(Long.toString(endpoint.version));
    }
}
