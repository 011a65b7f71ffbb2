package org.grassroots.gateway.admission;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.grassroots.gateway.apikeys.ApiKeyExchange;
import org.grassroots.gateway.apikeys.Scope;
import org.grassroots.gateway.ratelimit.RateLimits;
import org.grassroots.kit.problem.RoutedProblem;
import org.grassroots.kit.security.VerifiedTokens;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Decides, before a request reaches a service, whether its credentials are acceptable. Anonymous requests pass
 * (each service decides what is public); a bearer token must be valid, or the gateway answers 401 itself. An API
 * key ({@code X-API-Key: <key>} or {@code Authorization: ApiKey <key>}) must be active and its scopes must cover
 * the service and the method (403 otherwise); it is then replaced by a minted bearer token. Bearer tokens are
 * verified by the kit's {@code VerifiedTokens} (the services' verification, remembered until the token expires),
 * with the services' issuer and key settings.
 */
@ApplicationScoped
public class Gatekeeper {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(Gatekeeper.class);
    private static final String BEARER = "bearer ";
    private static final String API_KEY_SCHEME = "apikey ";

    /** The kit's remembering verifier (it replaces smallrye-jwt's default factory). */
    @Inject
    VerifiedTokens tokens;

    @Inject
    JWTAuthContextInfo tokenSettings;

    @Inject
    Vertx vertx;

    @Inject
    ApiKeyExchange apiKeys;

    @Inject
    RateLimits rateLimits;

    public Future<Admission> admit(HttpServerRequest in, String service) {
        String authorization = in.getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = in.getHeader(API_KEY_HEADER);
        if (apiKey == null && authorization != null && authorization.regionMatches(true, 0, API_KEY_SCHEME, 0, API_KEY_SCHEME.length())) {
            apiKey = authorization.substring(API_KEY_SCHEME.length()).trim();
        }
        if (isSignup(in)) {
            // The join form's own budget first; its headers are the ones a form needs to see.
            RateLimits.Decision signups = rateLimits.forSignup(address(in));
            if (signups.refusal() != null) {
                return Future.succeededFuture(Admission.refuse(signups.refusal()));
            }
            return admitUnlessKey(apiKey, authorization, in, service)
                    .map(admission -> admission.withHeaders(signups.headers()));
        }
        return admitUnlessKey(apiKey, authorization, in, service);
    }

    private Future<Admission> admitUnlessKey(String apiKey, String authorization, HttpServerRequest in,
                                             String service) {
        if (apiKey != null) {
            return admitKey(apiKey.trim(), in, service);
        }
        // Before any signature check: a flood of forged tokens is limited like any other.
        RateLimits.Decision limited = rateLimits.forAddress(address(in));
        if (limited.refusal() != null) {
            return Future.succeededFuture(Admission.refuse(limited.refusal()));
        }
        return admitBearer(authorization).map(admission -> admission.withHeaders(limited.headers()));
    }

    private Future<Admission> admitBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)) {
            return Future.succeededFuture(Admission.PASS);
        }
        // "Bearer" alone arrives without its trailing space: an empty token, not another scheme.
        String token = authorization.substring(BEARER.length() - 1).trim();
        if (token.isEmpty() || token.length() > 16_384) {
            return Future.succeededFuture(Admission.refuse(RoutedProblem.unauthenticated("The bearer token is malformed")));
        }
        return verified(token).map(valid -> valid ? Admission.PASS
                : Admission.refuse(RoutedProblem.unauthenticated(
                "The bearer token is invalid, expired or not from a trusted issuer")));
    }

    /**
     * A token verified before is answered on the event loop; one not seen before costs a signature check (and a
     * JWKS location's first fetch), off it.
     */
    private Future<Boolean> verified(String token) {
        if (tokens.remembers(token, tokenSettings)) {
            return Future.succeededFuture(true);
        }
        return vertx.executeBlocking(() -> {
            try {
                tokens.parse(token, tokenSettings);
                return true;
            } catch (ParseException invalid) {
                return false;
            }
        }, false);
    }

    private Future<Admission> admitKey(String secret, HttpServerRequest in, String service) {
        String method = in.method().name();
        if (secret.isEmpty() || secret.length() > 200) {
            return Future.succeededFuture(Admission.refuse(unknownKey()));
        }
        return apiKeys.exchange(secret).map(exchanged -> {
            if (exchanged.isEmpty()) {
                // Guessing keys costs the guesser's address its budget.
                RateLimits.Decision limited = rateLimits.forAddress(address(in));
                return Admission.refuse(limited.refusal() != null ? limited.refusal() : unknownKey());
            }
            RateLimits.Decision limited = rateLimits.forKey(exchanged.get().key().id());
            if (limited.refusal() != null) {
                return Admission.refuse(limited.refusal());
            }
            if (!exchanged.get().key().allows(service, method)) {
                return Admission.refuse(RoutedProblem.forbidden("This API key's scopes ("
                        + exchanged.get().key().scopes().stream().map(Scope::toString).collect(Collectors.joining(", "))
                        + ") do not allow " + method + " on " + service));
            }
            return new Admission(null, "Bearer " + exchanged.get().token(), limited.headers());
        }).recover(failure -> {
            LOG.errorf("API keys could not be checked: %s", failure.toString());
            return Future.succeededFuture(Admission.refuse(RoutedProblem.of(503, "api-keys-unavailable",
                    "Service unavailable", "API keys cannot be checked right now; try again shortly")
                    .with("Retry-After", "5")));
        });
    }

    private static boolean isSignup(HttpServerRequest in) {
        String path = in.path();
        return in.method() == io.vertx.core.http.HttpMethod.POST && path != null
                && (path.equals("/signups") || path.equals("/signups/"));
    }

    /** The client's address (the proxy's forwarded one when quarkus.http.proxy.* says to trust it). */
    private static String address(HttpServerRequest in) {
        return in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
    }

    private static RoutedProblem unknownKey() {
        return RoutedProblem.of(401, "unauthenticated", "Unauthenticated", "The API key is unknown or revoked")
                .with("WWW-Authenticate", "ApiKey");
    }
}
