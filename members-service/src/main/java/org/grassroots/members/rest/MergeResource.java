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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.service.DeletionFeed;
import org.grassroots.members.service.MergeService;
import org.grassroots.kit.security.Callers;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Merging duplicates, and the feed of ids that vanished (merged or erased). */
@Path("/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {

    @Inject
    MergeService merges;

    @Inject
    DeletionFeed deletions;

    @Inject
    Callers callers;

    @POST
    @Idempotent
    @Path("/{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "mergeMember",
            summary = "Merge a duplicate into this member", description = "Roles: admin, or an organiser of both "
            + "records' branch. The survivor keeps its details, fills gaps from the duplicate and gains its consent "
            + "ledger, tags and roles. The duplicate's id then redirects (308) here. Publishes "
            + "org.grassroots.member.merged.v1.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The surviving member")
    @APIResponse(responseCode = "422", description = "Merging into itself, or an unknown duplicate")
    public MemberView merge(@PathParam("id") UUID id,
                            @NotNull(message = Problem.BODY_REQUIRED) @Valid MergeRequest request) {
        return MemberView.of(merges.merge(id, request.duplicateId(), callers.current()));
    }

    @GET
    @Path("/deletions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listMemberDeletions",
            summary = "Ids that no longer exist", description = "Role: admin (integrations). Members merged into "
            + "another or erased, oldest first; with ?updatedSince on GET /members, a complete change feed.")
    @APIResponseSchema(value = DeletionView.Page.class, responseDescription = "A page of deletions")
    public DeletionView.Page list(@QueryParam("since") String since, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        OffsetDateTime from;
        try {
            from = since == null || since.isBlank() ? null : OffsetDateTime.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("since", "must be an ISO-8601 date-time with offset");
        }
        var page = deletions.since(from, PageRequest.of(limit, cursor, 2)).map(DeletionView::of);
        return new DeletionView.Page(page.items(), page.nextCursor());
    }
}
