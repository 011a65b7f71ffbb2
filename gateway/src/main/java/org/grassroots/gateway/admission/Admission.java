package org.grassroots.gateway.admission;

import org.grassroots.kit.problem.RoutedProblem;

import java.util.Map;

/**
 * The gatekeeper's answer: forward (with {@code Authorization} replaced when {@code authorization} is set, and
 * any response headers to add), or refuse with a problem.
 */
public record Admission(RoutedProblem refusal, String authorization, Map<String, String> responseHeaders) {

    public static final Admission PASS = new Admission(null, null, Map.of());

    public static Admission refuse(RoutedProblem problem) {
        return new Admission(problem, null, Map.of());
    }

    public Admission withHeaders(Map<String, String> headers) {
        return headers.isEmpty() || refused() ? this : new Admission(refusal, authorization, headers);
    }

    public boolean refused() {
        return refusal != null;
    }
}
