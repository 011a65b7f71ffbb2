package org.grassroots.members.rest;

import io.quarkus.security.ForbiddenException;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.Member;
import org.grassroots.members.service.MembershipService;

import java.util.UUID;

@Path("/members")
@Tag(name = "Members", description = "Members and supporters")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    @Inject
    MembershipService membership;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(summary = "Record a new member", description = "Roles: organiser, admin. Publishes "
            + "org.grassroots.member.joined.v1.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Email already recorded", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response join(@NotNull(message = "a JSON body is required") @Valid NewMemberRequest request,
                         @Context UriInfo uri) {
        Member member = membership.join(request.givenName(), request.familyName(), request.email());
        return Response.created(uri.getAbsolutePathBuilder().path(member.id.toString()).build())
                .tag(etag(member))
                .entity(MemberView.of(member))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ORGANISER, Roles.ADMIN})
    @Operation(summary = "Read a member", description = "Roles: the member themself, organiser, admin.")
    @APIResponse(responseCode = "200", description = "The member",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another member's record", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such member", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @Context SecurityContext security) {
        boolean staff = security.isUserInRole(Roles.ORGANISER) || security.isUserInRole(Roles.ADMIN);
        if (!staff && !id.toString().equals(security.getUserPrincipal().getName())) {
            throw new ForbiddenException();
        }
        Member member = membership.find(id).orElseThrow(() -> ProblemException.notFound("Member " + id));
        return Response.ok(MemberView.of(member)).tag(etag(member)).build();
    }

    private static EntityTag etag(Member member) {
        return new EntityTag(Long.toString(member.version));
    }
}
