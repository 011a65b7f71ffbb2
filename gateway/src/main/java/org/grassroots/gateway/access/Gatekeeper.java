package org.grassroots.gateway.access;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.gateway.problem.GatewayProblem;

/**
 * Decides, before a request reaches a service, whether its credentials are acceptable. Anonymous requests pass
 * (each service decides what is public); a bearer token must be valid, or the gateway answers 401 itself.
 */
@ApplicationScoped
public class Gatekeeper {

    private static final String BEARER = "bearer ";

    @Inject
    BearerTokens bearerTokens;

    public Future<Admission> admit(HttpServerRequest in, String service) {
        String authorization = in.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)) {
            return Future.succeededFuture(Admission.PASS);
        }
        // "Bearer" alone arrives without its trailing space: an empty token, not another scheme.
        String token = authorization.substring(BEARER.length() - 1).trim();
        if (token.isEmpty() || token.length() > 16_384) {
            return Future.succeededFuture(Admission.refuse(GatewayProblem.unauthenticated("The bearer token is malformed")));
        }
        return bearerTokens.verify(token).map(valid -> valid ? Admission.PASS
                : Admission.refuse(GatewayProblem.unauthenticated(
                "The bearer token is invalid, expired or not from a trusted issuer")));
    }
}
