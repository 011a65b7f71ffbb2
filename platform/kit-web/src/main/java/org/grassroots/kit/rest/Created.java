package org.grassroots.kit.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The answer to a create under the request's path: the new resource is at that path and its id. */
public final class Created {

    private Created() {
    }

    /** {@code 201 Created}, Location {@link #location}, the new resource as the body. */
    public static Response at(UriInfo uri, Object id, Object body) {
        return Response.created(location(uri, id)).entity(body).build();
    }

    /** The URL of a resource just created under the request's path. */
    public static URI location(UriInfo uri, Object id) {
        return uri.getAbsolutePathBuilder().path(id.toString()).build();
    }
}
