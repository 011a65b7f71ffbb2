package org.grassroots.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grassroots.members.service.SubjectAccessSources;
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
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.ConsentRecord;
import org.grassroots.members.domain.Member;
import org.grassroots.members.domain.StatusChange;
import org.grassroots.kit.security.Caller;
import org.grassroots.members.service.ConsentService;
import org.grassroots.members.service.MemberQueries;

import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.problem.ProblemException;
import java.time.Clock;

/** A person's consent ledger and their subject-access export. */
@Path("/members/{id}")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberRecordsResource {

    @Inject
    SubjectAccessSources sources;

    @Inject
    JsonWebToken token;


    @Inject
    Clock clock;

    @Inject
    ConsentService consents;

    @Inject
    MemberQueries queries;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "recordConsent",
            summary = "Record a grant or withdrawal of consent", description = "Roles: the person themself, an "
            + "organiser of their branch, admin. Publishes org.grassroots.member.consent-changed.v1; a withdrawal "
            + "takes the person out of ?consent= lists at once.")
    @APIResponseSchema(value = ConsentView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid channel, purpose or basis")
    @APIResponse(responseCode = "403", description = "Not yours")
    public Response record(@PathParam("id") UUID id,
                           @NotNull(message = Problem.BODY_REQUIRED) @Valid ConsentRequest request,
                           @Context UriInfo uri) {
        ConsentRecord record = consents.record(id, request.channel(), request.purpose(), request.granted(),
                request.lawfulBasis(), request.source(), callers.current());
        return Response.created(uri.getAbsolutePath()).entity(ConsentView.of(record)).build();
    }

    @GET
    @Path("/consents")
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "getConsents",
            summary = "A person's consent", description = "Roles: the person themself, an organiser of their "
            + "branch, admin.")
    @APIResponseSchema(value = ConsentsView.class, responseDescription = "Current consent and the ledger")
    public ConsentsView consents(@PathParam("id") UUID id) {
        queries.readable(id, callers.current());
        return new ConsentsView(consents.current(id).stream().map(ConsentView::of).toList(),
                consents.ledger(id).stream().map(ConsentView::of).toList());
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_EXPORT)
    @Operation(operationId = "exportMember",
            summary = "Subject-access export", description = "Roles: the person themself, admin. Everything held "
            + "about the person by the whole suite, as JSON: events-service and elections-service are asked over HTTP "
            + "with the caller's token; if one cannot answer, 503 export-incomplete rather than a partial export.")
    @APIResponseSchema(value = SubjectAccessExport.class, responseDescription = "The export")
    @APIResponse(responseCode = "403", description = "Not yours")
    public SubjectAccessExport export(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        Member member = queries.readable(id, caller);
        if (!caller.isAdmin() && !id.toString().equals(caller.subject())) {
            throw ProblemException.forbidden("A subject-access export is for the person themself or an admin");
        }
        SubjectAccessSources.Holdings elsewhere = sources.collect(id, member.allEmails(), token.getRawToken());
        return new SubjectAccessExport(SuiteClock.timestamp(clock), MemberView.of(member),
                StatusChange.historyOf(id).stream().map(StatusChangeView::of).toList(),
                consents.ledger(id).stream().map(ConsentView::of).toList(), elsewhere.events(), elsewhere.elections(),
                elsewhere.sources());
    }
}
