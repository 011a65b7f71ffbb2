package org.grassroots.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.openapi.ResponseHeaders;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.patch.JsonMergePatch;
import org.grassroots.kit.patch.MergePatches;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.Member;
import org.grassroots.members.service.MembershipService;
import org.grassroots.members.service.MemberQueries;
import org.grassroots.members.service.MergeService;
import org.jboss.resteasy.reactive.RestResponse;
import org.grassroots.kit.security.Callers;
import org.grassroots.kit.rest.Created;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/members")
@Tag(name = "Members", description = "Members and supporters")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    @Inject
    MembershipService membership;

    @Inject
    MemberQueries queries;

    @Inject
    Callers callers;

    @Inject
    MergeService merges;

    @Inject
    MergePatches patches;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "createMember",
            summary = "Record a member or supporter", description = "Roles: organiser (own branch), admin. "
            + "De-duplicates on the email (case-insensitive) and externalId: a person already recorded is updated "
            + "(200) rather than duplicated. The branch defaults to the one covering the postcode (or the "
            + "organiser's). Publishes org.grassroots.member.joined.v1 or member.updated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded a new person",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "200", description = "The person was recorded already and is updated",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, email, phone or postcode")
    @APIResponse(responseCode = "409", description = "Recorded by another branch, or email and externalId name "
            + "different people")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "422", description = "Unknown branch")
    public Response record(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewMemberRequest request,
                           @Context UriInfo uri) {
        MembershipService.Recorded recorded = membership.record(request.details(), callers.current());
        Member member = recorded.member();
        Response.ResponseBuilder response = recorded.created()
                ? Response.created(Created.location(uri, member.id))
                : Response.ok().contentLocation(Created.location(uri, member.id));
        return response.tag(etag(member)).entity(MemberView.of(member)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "updateMember",
            summary = "Update a member", description = "Roles: organiser (own branch), admin. A JSON merge patch "
            + "(RFC 7386) of the writable fields: givenName, familyName, email, additionalEmails, phone, "
            + "additionalPhones, addressLines, locality, region, postcode, membershipType, branchId, origin, "
            + "externalId, duesPaidUntil (null removes a field; arrays are replaced whole). Send If-Match with the "
            + "ETag you read to avoid overwriting someone else's change. Publishes org.grassroots.member.updated.v1 "
            + "if anything changed.")
    @RequestBody(content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(
            implementation = MemberPatch.class), examples = @ExampleObject(name = "move",
            value = "{\"phone\": \"07700 900456\", \"addressLines\": [\"3 Quay Road\"], \"region\": null}")))
    @APIResponseSchema(value = MemberView.class,
            responseDescription = "The member as it is now; ETag is its new version")
    @APIResponse(responseCode = "400", description = "Not a merge patch, a read-only field, or an invalid value")
    @APIResponse(responseCode = "403", description = "Not yours to manage")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "The email or external id belongs to another person")
    @APIResponse(responseCode = "412", description = "The member changed since the If-Match version")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Long expected = JsonMergePatch.ifMatchVersion(ifMatch);
        var caller = callers.current();
        Member current = queries.readable(id, caller);
        NewMemberRequest request = patches.applyTo(NewMemberRequest.of(current), patch, NewMemberRequest.class);
        MembershipService.Recorded result = membership.replace(id, request.details(),
                expected != null ? expected : current.version, expected != null, caller);
        return Response.ok(MemberView.of(result.member())).tag(etag(result.member())).build();
    }

    @GET
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "listMembers",
            summary = "List members", description = "Roles: organiser (their branch only), admin. Ordered by "
            + "last update; with updatedSince, a change feed for integrations.")
    @APIResponseSchema(value = MemberPage.class, responseDescription = "A page of members")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor")
    public MemberPage list(@BeanParam MemberQuery query,
                           @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        var filter = query.filter();
        Page<MemberView> page = queries.list(filter, PageRequest.of(limit, cursor, 2), callers.current())
                .map(MemberView::of);
        return new MemberPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ResponseHeaders.VERSIONED, value = "true")
    @Operation(operationId = "getMember",
            summary = "Read a member", description = "Roles: the member themself, an organiser of their branch, "
            + "admin.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member")
    @APIResponse(responseCode = "403", description = "Not yours to read")
    @APIResponse(responseCode = "308", description = "Merged into another member: see Location")
    @APIResponse(responseCode = "404", description = "No such member")
    public RestResponse<MemberView> get(@PathParam("id") UUID id, @Context UriInfo uri) {
        // RestResponse<MemberView> rather than Response: the JSON writer is chosen once at build time, not looked
        // up on every read.
        Optional<Member> member = queries.findReadable(id, callers.current());
        if (member.isPresent()) {
            return RestResponse.ResponseBuilder.ok(MemberView.of(member.get())).tag(etag(member.get())).build();
        }
        // A merged duplicate is gone from the members (so the common read costs one query, not two); its id lives
        // on as a permanent redirect to the survivor.
        UUID survivor = merges.redirectOf(id).orElseThrow(() -> ProblemException.notFound("Member " + id));
        return RestResponse.ResponseBuilder.<MemberView>create(308)
                .location(uri.getBaseUriBuilder().path("members").path(survivor.toString()).build()).build();
    }

    @POST
    @Idempotent
    @Path("/{id}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "changeMembershipStatus",
            summary = "Change a membership's status", description = "Roles: organiser (own branch), admin. "
            + "Records the change in the membership history and publishes org.grassroots.member.status-changed.v1.")
    @APIResponseSchema(value = StatusChangeView.class, responseCode = "201",
            responseDescription = "The recorded change")
    @APIResponse(responseCode = "422", description = "The lifecycle does not allow this change")
    public Response changeStatus(@PathParam("id") UUID id,
                                 @NotNull(message = Problem.BODY_REQUIRED) @Valid StatusChangeRequest request,
                                 @Context UriInfo uri) {
        var change = membership.changeStatus(id, request.status(), request.reason(), callers.current());
        return Response.created(uri.getAbsolutePath()).entity(StatusChangeView.of(change)).build();
    }

    @GET
    @Path("/{id}/status-changes")
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "getMembershipHistory",
            summary = "A membership's history", description = "Roles: the member themself, an organiser of "
            + "their branch, admin. Oldest first: joined, then every status change.")
    @APIResponse(responseCode = "200", description = "The history")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return queries.history(id, callers.current()).stream().map(StatusChangeView::of).toList();
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_EXPORT)
    @Operation(operationId = "exportMembersCsv",
            summary = "Export members as CSV", description = "Roles: organiser (their branch only), admin. The "
            + "same filters as the list; streamed, all pages. Cells that a spreadsheet would run as formulas are "
            + "defused.")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = "text/csv"))
    public Response export(@BeanParam MemberQuery query) {
        var filter = query.filter();
        var caller = callers.current();
        // The first page is read now, so that a forbidden filter fails before any byte is sent.
        Page<Member> first = queries.list(filter, PageRequest.of(PageRequest.MAX_LIMIT, null, 2), caller);
        StreamingOutput csv = out -> {
            var writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            writer.write(MemberCsv.header());
            Page<Member> page = first;
            while (true) {
                for (Member member : page.items()) {
                    writer.write(MemberCsv.row(member));
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = queries.list(filter, PageRequest.of(PageRequest.MAX_LIMIT, page.nextCursor(), 2), caller);
            }
            writer.flush();
        };
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    private static EntityTag etag(Member member) {
        return new EntityTag(Long.toString(member.version));
    }
}
