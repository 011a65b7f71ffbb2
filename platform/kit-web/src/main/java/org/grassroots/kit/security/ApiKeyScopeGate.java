package org.grassroots.kit.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.grassroots.kit.problem.ProblemException;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Refuses (403, naming the scope) an API key's request whose operation needs a scope the key lacks: the scope the
 * operation declares ({@link ApiKeyScopes#EXTENSION}, e.g. {@code members:erase}), else the domain's read or write.
 * The same value is in the OpenAPI document, so what the document says is what is enforced.
 */
@Provider
public class ApiKeyScopeGate implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null || !ApiKeyGrants.isIntegration(token.getGroups())
                || resource.getResourceMethod() == null) {
            return;
        }
        String required = requiredScope(resource.getResourceMethod(), request.getMethod());
        if (required == null) {
            return;
        }
        Set<String> scopes = ApiKeyGrants.scopes(token);
        if (!ApiKeyGrants.covers(scopes, required)) {
            throw ProblemException.forbidden("This API key's scopes (" + String.join(", ", scopes.stream().sorted()
                    .toList()) + ") do not include " + required + ", which this operation needs");
        }
    }

    /** The declared scope, else the domain's default for the method; null where no domain is configured. */
    static String requiredScope(Method method, String httpMethod) {
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (ApiKeyScopes.EXTENSION.equals(extension.name())) {
                return extension.value();
            }
        }
        return ApiKeyGrants.domain().map(d -> ApiKeyScopes.defaultScope(d, httpMethod)).orElse(null);
    }
}
