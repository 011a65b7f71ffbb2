package org.grassroots.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps every failure to RFC 9457 problem details. Bad input is a 4xx that names the field; anything unexpected
 * is a 500 with a reference to the log line, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** Quarkus has a built-in mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** Unreadable JSON, whichever layer noticed: a 400 that names the field where one is known. */
    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException
                || e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException) {
            return malformed("The body is not well-formed JSON (line %d, column %d)".formatted(
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new Problem.FieldError(path(unknown), "is not a known field")));
        }
        if (e instanceof InvalidFormatException format) {
            return invalid(List.of(new Problem.FieldError(path(format), "must be " + describe(format.getTargetType()))));
        }
        if (e instanceof MismatchedInputException mismatch && !path(mismatch).isEmpty()) {
            return invalid(List.of(new Problem.FieldError(path(mismatch),
                    "must be " + describe(mismatch.getTargetType()))));
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return invalid(List.of(new Problem.FieldError(path(mapping), "has an invalid value")));
        }
        if (e instanceof MismatchedInputException) {
            return malformed("The body must be a JSON object of the documented shape");
        }
        return malformed("The body is not well-formed JSON (line %d, column %d)".formatted(
                e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
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
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", null, null), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // A parameter converter's refusal, which JAX-RS wraps in a 404 for query parameters.
            return respond(problem.problem(), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return respond(new Problem(Problem.type(slug(title)), title, status, detailFor(status), null, null), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "Something went wrong on our side; quote reference " + reference, null, null), uri);
    }

    /** A 400 naming each invalid field. */
    public static Problem invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Problem(Problem.type("validation"), "Invalid request", 400, detail, null, errors);
    }

    private static Problem malformed(String detail) {
        return new Problem(Problem.type("malformed"), "Malformed request", 400, detail, null, null);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "A valid bearer token is required", null, null), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** The problem as a response, its {@code instance} the request's path unless it names one. */
    public static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.instance() == null && uri != null ? problem.withInstance(uri.getPath()) : problem)
                .build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API speaks application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> "The request could not be processed";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code create.request.email} → {@code email}: drop the method and parameter nodes. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER && isQueryOrPathParameter(violation)) {
                    field.append(node.getName());
                }
                continue;
            }
            // Hibernate Validator puts a list index on the node after the list: items[0].name, tags[2].
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static boolean isQueryOrPathParameter(ConstraintViolation<?> violation) {
        // A violation on a parameter itself (not on a property of a body bean) names the parameter.
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.PARAMETER;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
