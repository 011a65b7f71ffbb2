package org.grassroots.gateway.access;

import org.grassroots.gateway.problem.GatewayProblem;

import java.util.Map;

/**
 * The gatekeeper's answer: forward (with {@code Authorization} replaced when {@code authorization} is set, and
 * any response headers to add), or refuse with a problem.
 */
public record Admission(GatewayProblem refusal, String authorization, Map<String, String> responseHeaders) {

    public static final Admission PASS = new Admission(null, null, Map.of());

    public static Admission refuse(GatewayProblem problem) {
        return new Admission(problem, null, Map.of());
    }

    public Admission withHeaders(Map<String, String> headers) {
        return headers.isEmpty() || refused() ? this : new Admission(refusal, authorization, headers);
    }

    public boolean refused() {
        return refusal != null;
    }
}
