package org.grassroots.webhooks.domain;

import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;

/** A 422 that names the field, like the kit's 400s do. */
final class Refusals {

    private Refusals() {
    }

    static ProblemException unprocessable(String slug, String field, String message) {
        return new ProblemException(new Problem(Problem.type(slug), "Unprocessable request", 422,
                field + ": " + message, null, List.of(new Problem.FieldError(field, message))));
    }
}
