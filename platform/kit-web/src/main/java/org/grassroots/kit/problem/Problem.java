package org.grassroots.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details, returned for every error.",
        requiredProperties = {"type", "title", "status"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Identifies the kind of problem; documented in the API guide.",
                example = "https://grassroots.dev/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "email: must be a well-formed email address") String detail,
        @Schema(description = "The request path.", example = "/members") String instance,
        @Schema(description = "One entry per invalid field (validation problems only).") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The message of {@code @NotNull} on a request body: a POST or PUT without one is a validation problem. */
    public static final String BODY_REQUIRED = "a JSON body is required";
    static final String TYPE_BASE = "https://grassroots.dev/problems/";

    @Schema(name = "ProblemFieldError")
    public record FieldError(@Schema(example = "email") String field,
                             @Schema(example = "must be a well-formed email address") String message) {
    }

    /** A problem without field errors, its type {@code https://grassroots.dev/problems/<slug>}. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, null, null);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
