package org.grassroots.gateway.apikeys;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.problem.ProblemMappers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API keys for integrations, managed by admins on the gateway itself (a key cannot manage keys). */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Blocking
@Tag(name = "API keys", description = "Keys for integrations, exchanged at the gateway for short-lived tokens with the key's scopes")
public class ApiKeyResource {

    @Inject
    ApiKeys apiKeys;

    @Inject
    JsonWebToken caller;

    @Schema(name = "NewApiKeyRequest", requiredProperties = {"name", "scopes"})
    public record CreateApiKey(@Schema(description = "What the key is for, 1-200 characters",
                                       example = "Website join form") String name,
                               @Schema(description = "members|events|elections|webhooks : read|write (write includes read); "
                                       + "members:export, members:erase, members:roles for those operations only",
                                       example = "[\"members:write\"]") List<String> scopes,
                               @Schema(nullable = true, description = "When the key stops working (in the future); "
                                       + "absent: until revoked") java.time.OffsetDateTime expiresAt) {
    }

    /** All keys in one page: an admin has few. */
    @Schema(name = "ApiKeyPage")
    public record ApiKeyPage(List<ApiKeyView> items,
                             @Schema(nullable = true, description = "Always null: every key is on the one page")
                             String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey",
            summary = "Create an API key", description = "Role: admin. The answer is the only time the key's "
            + "secret (`key`) is shown: store it. Scopes: members|events|elections|webhooks : read|write (write includes "
            + "read); the dangerous members operations need their own scope: members:export (the CSV export, a "
            + "person's subject-access export), members:erase (erasures), members:roles (granting and revoking "
            + "roles). An optional expiresAt ends the key (401 after it).")
    @APIResponseSchema(value = ApiKeyView.class, responseCode = "201",
            responseDescription = "Created; `key` holds the secret, shown this once")
    public Response create(CreateApiKey request, UriInfo uri) {
        if (request == null) {
            throw invalid(Map.of("body", "must be a JSON object with name and scopes"));
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
        if (request.expiresAt() != null && !request.expiresAt().isAfter(apiKeys.now())) {
            errors.put("expiresAt", "must be in the future");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        ApiKeys.Created created = apiKeys.create(name, scopes, request.expiresAt(), caller.getSubject());
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(ApiKeyView.created(created.key(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listApiKeys",
            summary = "List API keys", description = "Role: admin. Oldest first, revoked ones included; never the secrets.")
    @APIResponseSchema(value = ApiKeyPage.class, responseDescription = "Every key, oldest first")
    public ApiKeyPage list() {
        return new ApiKeyPage(apiKeys.all().stream().map(k -> ApiKeyView.of(k, apiKeys.now())).toList(), null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiKey", summary = "Read an API key", description = "Role: admin. Never the secret.")
    @APIResponseSchema(value = ApiKeyView.class, responseDescription = "The key")
    public ApiKeyView read(@PathParam("id") UUID id) {
        return apiKeys.find(id).map(k -> ApiKeyView.of(k, apiKeys.now()))
                .orElseThrow(() -> ProblemException.notFound("API key " + id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey",
            summary = "Revoke an API key", description = "Role: admin. Takes effect at once; revoking again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id) {
        if (!apiKeys.revoke(id, caller.getSubject())) {
            throw ProblemException.notFound("API key " + id);
        }
        return Response.noContent().build();
    }

    /** What an admin sees of a key; {@code key} (the secret) only in the answer to its creation. */
    @Schema(name = "ApiKeyView")
    public record ApiKeyView(UUID id, String name,
                             @Schema(description = "The start of the secret, to recognise a key") String prefix,
                             List<String> scopes, java.time.OffsetDateTime createdAt,
                             @Schema(description = "The admin who created it") String createdBy,
                             @Schema(nullable = true) java.time.OffsetDateTime revokedAt,
                             @Schema(nullable = true, description = "When it stops working; null: until revoked")
                             java.time.OffsetDateTime expiresAt,
                             @Schema(nullable = true, description = "When it was last used (to the minute); null: never")
                             java.time.OffsetDateTime lastUsedAt,
                             @Schema(description = "Neither revoked nor expired") boolean active,
                             @Schema(nullable = true, description = "The secret: only in the answer to the creation")
                             String key) {

        static ApiKeyView of(ApiKey k, java.time.OffsetDateTime now) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(Scope::toString).toList(),
                    k.createdAt(), k.createdBy(), k.revokedAt(), k.expiresAt(), k.lastUsedAt(),
                    k.revokedAt() == null && !k.expiredAt(now), null);
        }

        static ApiKeyView created(ApiKey k, String secret) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(Scope::toString).toList(),
                    k.createdAt(), k.createdBy(), null, k.expiresAt(), null, true, secret);
        }
    }

    private static ProblemException invalid(Map<String, String> errors) {
        return new ProblemException(ProblemMappers.invalid(errors.entrySet().stream()
                .map(e -> new Problem.FieldError(e.getKey(), e.getValue())).toList()));
    }
}
