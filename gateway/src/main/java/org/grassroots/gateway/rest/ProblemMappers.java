package org.grassroots.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Problem+json for the gateway's own endpoints, in the same shape as the services' and the proxy's. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(GatewayRequestProblem e, UriInfo uri) {
        return respond(e.status, e.type, e.title, e.getMessage(), e.errors, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role does not allow this operation", Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "malformed", "Malformed request", "The body is not the expected JSON "
                + "(unknown or mistyped fields are refused)", Map.of(), uri);
    }

    /** Unknown or mistyped fields: more specific than Quarkus's own mapper, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException) {
            return json((JsonProcessingException) e.getCause(), uri);
        }
        String type = switch (status) {
            case 400 -> "malformed";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return respond(status, type, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), null, Map.of(), uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthenticated", "Unauthenticated",
                "A valid admin bearer token is required", Map.of(), uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(int status, String type, String title, String detail, Map<String, String> errors,
                                    UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://grassroots.dev/problems/" + type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", uri.getPath());
        if (!errors.isEmpty()) {
            body.put("errors", errors.entrySet().stream()
                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        }
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
