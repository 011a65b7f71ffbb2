package org.grassroots.elections.rest;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grassroots.elections.domain.Post;
import org.grassroots.elections.service.OrganisationService;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.idempotency.Idempotent;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.rest.Created;

import java.util.UUID;

@Path("/posts")
@Tag(name = "Posts", description = "Wards, electoral divisions and constituencies, with their seats")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    @Inject
    OrganisationService organisations;

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ELECTIONS})
    @Operation(operationId = "createPost",
            summary = "Record a post of an organisation", description = "Roles: admin, elections.")
    @APIResponseSchema(value = PostView.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "The organisation has this post already")
    @APIResponse(responseCode = "422", description = "No such organisation")
    public Response create(@NotNull(message = Problem.BODY_REQUIRED) @Valid NewPostRequest request,
                           @Context UriInfo uri) {
        Post p = organisations.createPost(request.organisationId(), request.slug(), request.name(), request.kind(),
                request.gssCode(), request.seats());
        return Created.at(uri, p.id, PostView.of(p));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPosts",
            summary = "List posts", description = "Role: public. By organisation slug and post slug; "
            + "?organisation= filters by organisation id.")
    @APIResponseSchema(value = PostPage.class, responseDescription = "A page of posts")
    public PostPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                         @QueryParam("organisation") UUID organisation) {
        Page<PostView> page = organisations.posts(PageRequest.of(limit, cursor, 2), organisation).map(PostView::of);
        return new PostPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPost", summary = "Read a post", description = "Role: public.")
    @APIResponseSchema(value = PostView.class, responseDescription = "The post")
    @APIResponse(responseCode = "404", description = "No such post")
    public PostView get(@PathParam("id") UUID id) {
        return PostView.of(organisations.findPost(id));
    }
}
