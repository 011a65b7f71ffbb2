package org.grassroots.gateway.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.gateway.domain.ApiKey;
import org.grassroots.gateway.domain.Scope;
import org.grassroots.gateway.service.ApiKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API keys for integrations, managed by admins on the gateway itself (a key cannot manage keys). */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Blocking
@Tag(name = "API keys")
public class ApiKeyResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    JsonWebToken caller;

    public record CreateApiKey(String name, List<String> scopes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Role: admin. The answer is the only time the key's "
            + "secret (`key`) is shown: store it. Scopes: members|events|elections : read|write (write includes read).")
    public Response create(CreateApiKey request, UriInfo uri) {
        if (request == null) {
            throw GatewayRequestProblem.invalid(Map.of("body", "must be a JSON object with name and scopes"));
        }
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        List<Scope> scopes = new ArrayList<>();
        if (request.scopes() == null || request.scopes().isEmpty() || request.scopes().size() > Scope.ALL.size()) {
            errors.put("scopes", "must list 1 to " + Scope.ALL.size() + " of " + String.join(", ", Scope.ALL));
        } else {
            for (String text : request.scopes()) {
                Scope.parse(text).ifPresentOrElse(s -> {
                    if (!scopes.contains(s)) {
                        scopes.add(s);
                    }
                }, () -> errors.put("scopes", "'" + text + "' is not one of " + String.join(", ", Scope.ALL)));
            }
        }
        if (!errors.isEmpty()) {
            throw GatewayRequestProblem.invalid(errors);
        }
        ApiKeys.Created created = apiKeys.create(name, scopes, caller.getSubject());
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(ApiKeyView.created(created.key(), created.secret())).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Role: admin. Oldest first, revoked ones included; never the secrets.")
    public Map<String, Object> list() {
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", apiKeys.all().stream().map(ApiKeyView::of).toList());
        page.put("nextCursor", null);
        return page;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an API key", description = "Role: admin. Never the secret.")
    public ApiKeyView read(@PathParam("id") UUID id) {
        return apiKeys.find(id).map(ApiKeyView::of).orElseThrow(() -> GatewayRequestProblem.notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key", description = "Role: admin. Takes effect at once; revoking again changes nothing.")
    public Response revoke(@PathParam("id") UUID id) {
        if (!apiKeys.revoke(id, caller.getSubject())) {
            throw GatewayRequestProblem.notFound(id);
        }
        return Response.noContent().build();
    }

    /** What an admin sees of a key; {@code key} (the secret) only in the answer to its creation. */
    public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, java.time.OffsetDateTime createdAt,
                             String createdBy, java.time.OffsetDateTime revokedAt, boolean active, String key) {

        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(Scope::toString).toList(),
                    k.createdAt(), k.createdBy(), k.revokedAt(), k.revokedAt() == null, null);
        }

        static ApiKeyView created(ApiKey k, String secret) {
            ApiKeyView view = of(k);
            return new ApiKeyView(view.id(), view.name(), view.prefix(), view.scopes(), view.createdAt(),
                    view.createdBy(), null, true, secret);
        }
    }
}
