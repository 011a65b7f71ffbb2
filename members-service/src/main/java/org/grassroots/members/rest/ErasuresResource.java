package org.grassroots.members.rest;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.ErasureRecord;
import org.grassroots.members.service.ErasureService;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

/** Erasure of a person who is not a member, by the email address the suite knows them by. */
@Path("/erasures")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class ErasuresResource {

    @Inject
    ErasureService erasures;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ERASE)
    @Operation(operationId = "eraseByEmail", summary = "Erase a person who is not a member, by email address",
            description = "Role: admin. For someone known only from a public RSVP, a feedback card or an unfinished "
                    + "import. Publishes org.grassroots.person.erased.v1 (the address's digests only), on which every "
                    + "service removes its copies; the record kept says when, not whom. An address of a member is a "
                    + "409: erase the member by id.")
    @APIResponseSchema(value = ErasureView.class, responseCode = "201", responseDescription = "Erased")
    @APIResponse(responseCode = "409", description = "The address is a member's (is-a-member)")
    public Response erase(@Valid @NotNull EmailErasureRequest request, @Context UriInfo uri) {
        ErasureRecord record = erasures.eraseByEmail(request.email(), callers.current());
        return Created.at(uri, record.id, ErasureView.of(record));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ERASE)
    @Operation(operationId = "getErasureById", summary = "Proof of an erasure", description = "Role: admin.")
    @APIResponseSchema(value = ErasureView.class, responseDescription = "The erasure record")
    @APIResponse(responseCode = "404", description = "No erasure of this id")
    public ErasureView get(@PathParam("id") UUID id) {
        return ErasureRecord.<ErasureRecord>findByIdOptional(id).map(ErasureView::of)
                .orElseThrow(() -> ProblemException.notFound("Erasure " + id));
    }
}
