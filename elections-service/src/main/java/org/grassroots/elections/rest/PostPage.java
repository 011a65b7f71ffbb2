package org.grassroots.elections.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PostPage", description = "A page of posts, by organisation and slug.")
public record PostPage(List<PostView> items,
        @Schema(nullable = true, description = "Null on the last page") String nextCursor) {
}
