package org.grassroots.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.kit.security.Roles;
import org.grassroots.members.domain.PartyRole;
import org.grassroots.members.service.MembershipService;
import org.grassroots.kit.security.Callers;

import java.util.UUID;

/** Tags (organisers' labels) and party roles on a member. PUT and DELETE are idempotent. */
@Path("/members/{id}")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberLabelsResource {

    private static final String TAG = "[a-z0-9][a-z0-9-]{0,39}";

    @Inject
    MembershipService membership;

    @Inject
    Callers callers;

    @PUT
    @Path("/tags/{tag}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "tagMember",
            summary = "Tag a member", description = "Roles: organiser (own branch), admin. Tags: lower-case "
            + "letters, digits and hyphens, up to 40.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member, tagged")
    @APIResponse(responseCode = "400", description = "Not a valid tag")
    public MemberView tag(@PathParam("id") UUID id,
                          @PathParam("tag") @Pattern(regexp = TAG, message = "must be lower-case letters, digits and hyphens") String tag) {
        return MemberView.of(membership.tag(id, tag, true, callers.current()));
    }

    @DELETE
    @Path("/tags/{tag}")
    @RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
    @Operation(operationId = "untagMember",
            summary = "Remove a tag", description = "Roles: organiser (own branch), admin.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member, untagged")
    public MemberView untag(@PathParam("id") UUID id,
                            @PathParam("tag") @Pattern(regexp = TAG, message = "must be lower-case letters, digits and hyphens") String tag) {
        return MemberView.of(membership.tag(id, tag, false, callers.current()));
    }

    @PUT
    @Path("/roles/{role}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ROLES)
    @Operation(operationId = "grantMemberRole",
            summary = "Grant a party role", description = "Role: admin. Publishes org.grassroots.member.updated.v1.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member with the role")
    @APIResponse(responseCode = "422", description = "councillor: it follows elections-service's office-holders")
    public MemberView grant(@PathParam("id") UUID id, @PathParam("role") PartyRole role) {
        return MemberView.of(membership.role(id, role, true, callers.current()));
    }

    @DELETE
    @Path("/roles/{role}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_ROLES)
    @Operation(operationId = "revokeMemberRole",
            summary = "Revoke a party role", description = "Role: admin. Publishes org.grassroots.member.updated.v1.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member without the role")
    @APIResponse(responseCode = "422", description = "councillor: it follows elections-service's office-holders")
    public MemberView revoke(@PathParam("id") UUID id, @PathParam("role") PartyRole role) {
        return MemberView.of(membership.role(id, role, false, callers.current()));
    }
}
