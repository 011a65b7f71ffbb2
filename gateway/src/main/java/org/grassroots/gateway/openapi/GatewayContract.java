package org.grassroots.gateway.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.grassroots.gateway.ratelimit.RateLimits;
import org.grassroots.kit.openapi.ProblemResponses;
import org.grassroots.kit.openapi.SuiteContract;

import java.util.List;

/**
 * The served document: the suite's contract over the merged services' operations and the gateway's own, plus what
 * the gateway adds to every proxied answer: the rate-limit fields, and its own refusals (429 over the limit, 503
 * when a service or the key store is unavailable, 504 when a service is too slow).
 */
public class GatewayContract extends SuiteContract {

    private static final String OWN_PREFIX = "/api-keys";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addHeader(RateLimits.POLICY_HEADER, typed(Schema.SchemaType.STRING, OASFactory.createHeader().description(
                "The rate-limit policy (draft-ietf-httpapi-ratelimit-headers-10): `\"per-key\";q=600;w=60` is a quota "
                        + "of 600 requests per 60 s window for the API key (`\"per-address\"` without a key)")));
        components.addHeader(RateLimits.LIMIT_HEADER, typed(Schema.SchemaType.STRING, OASFactory.createHeader().description(
                "What is left of the quota: `\"per-key\";r=599;t=1` is 599 requests left, the quota full again in 1 s")));
        components.addHeader("Retry-After", typed(Schema.SchemaType.INTEGER, OASFactory.createHeader().description(
                "Seconds to wait before trying again")));
        forEachOperation(openAPI, (path, operation) -> {
            if (path.startsWith(OWN_PREFIX)) {
                return;
            }
            ProblemResponses.addIfAbsent(operation.getResponses(), "429",
                    "Over the rate limit for the API key or the client address; retry after `Retry-After` seconds");
            ProblemResponses.addIfAbsent(operation.getResponses(), "503",
                    "The service (or, for an API key, the key store) is unavailable; retry after `Retry-After` seconds");
            ProblemResponses.addIfAbsent(operation.getResponses(), "504", "The service did not answer in time");
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                headerRef(response, RateLimits.POLICY_HEADER);
                headerRef(response, RateLimits.LIMIT_HEADER);
                if (code.equals("429") || code.equals("503")) {
                    headerRef(response, "Retry-After");
                }
            });
        });
    }

    private static void headerRef(APIResponse response, String name) {
        if (response.getRef() == null && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static Header typed(Schema.SchemaType type, Header header) {
        return header.schema(OASFactory.createSchema().type(List.of(type)));
    }
}
