package org.grassroots.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.ErasureRecord;
import org.grassroots.members.service.ErasureService;
import org.grassroots.kit.security.Callers;

import java.util.UUID;

@Path("/members/{id}/erasure")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @Inject
    ErasureService erasures;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ERASE)
    @Operation(operationId = "eraseMember",
            summary = "Erase a person (right to erasure)", description = "Role: admin. Deletes the person's "
            + "record and history here and publishes org.grassroots.member.erased.v1, on which every other service "
            + "removes its copies. Repeating it answers the same erasure.")
    @APIResponseSchema(value = ErasureView.class, responseCode = "201", responseDescription = "Erased")
    @APIResponse(responseCode = "404", description = "No such member")
    public Response erase(@PathParam("id") UUID id, @Context UriInfo uri) {
        ErasureRecord record = erasures.erase(id, callers.current());
        return Response.created(uri.getAbsolutePath()).entity(ErasureView.of(record)).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ERASE)
    @Operation(operationId = "getErasure", summary = "Proof of an erasure", description = "Role: admin.")
    @APIResponseSchema(value = ErasureView.class, responseDescription = "The erasure record")
    @APIResponse(responseCode = "404", description = "No erasure of this id")
    public ErasureView get(@PathParam("id") UUID id) {
        return ErasureRecord.<ErasureRecord>find("memberId", id).firstResultOptional().map(ErasureView::of)
                .orElseThrow(() -> ProblemException.notFound("Erasure of " + id));
    }
}
