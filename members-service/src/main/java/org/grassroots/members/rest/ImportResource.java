package org.grassroots.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.ImportJob;
import org.grassroots.members.service.ImportService;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/members/imports")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Consumes("text/csv")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "startMemberImport",
            summary = "Import members from CSV", description = "Roles: organiser (into their branch), admin. "
            + "Header row required: givenName, familyName, email; optional phone, postcode, membershipType, branchId, "
            + "origin, externalId, duesPaidUntil. Rows are de-duplicated like POST /members, so importing the same "
            + "file again changes nothing. Runs as a job: follow Location; a job survives a restart of the service and "
            + "goes on from the first row not yet recorded. Up to 20 MB.")
    @APIResponseSchema(value = ImportJobView.class, responseCode = "202",
            responseDescription = "Accepted; the job's progress is at Location")
    @APIResponse(responseCode = "400", description = "Missing, unknown or repeated columns: nothing is imported")
    @APIResponse(responseCode = "413", description = "Over 20 MB")
    public Response start(String csv, @Context UriInfo uri) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("body", "a CSV document with a header row is required");
        }
        ImportJob job = imports.start(csv, callers.current());
        return Response.accepted(ImportJobView.of(job))
                .location(Created.location(uri, job.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "getMemberImport",
            summary = "An import's progress", description = "Roles: organiser, admin.")
    @APIResponseSchema(value = ImportJobView.class, responseDescription = "The job")
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportJobView get(@PathParam("id") UUID id) {
        return ImportJobView.of(imports.find(id));
    }
}
