package org.grassroots.kit.problem;

import java.util.List;

/** Thrown by services to answer with a specific problem; mapped to its status and body. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(new Problem(Problem.type("validation"), "Invalid request", 400,
                field + ": " + message, null, List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem(Problem.type("not-found"), "Not found", 404,
                what + " does not exist", null, null));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(new Problem(Problem.type(slug), "Conflict", 409, detail, null, null));
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(new Problem(Problem.type(slug), "Unprocessable request", 422, detail, null,
                null));
    }

    /** 412: the resource changed since the version the client named in If-Match. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(new Problem(Problem.type("precondition-failed"), "Precondition failed", 412, detail,
                null, null));
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(Problem.type("forbidden"), "Forbidden", 403, detail, null, null));
    }
}
