package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Every error is an RFC 9457 problem ({@code application/problem+json}, schema {@code Problem}): each operation lists
 * the ones the suite's common mechanisms can answer with (validation, credentials, roles, not found, body size and
 * media type), and any error response an operation declares itself gets the problem body. An operation's own
 * description of a code (why it is a 409 here) wins over the generic one.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String SCHEMA_REF = "#/components/schemas/Problem";

    private ProblemResponses() {
    }

    static void declare(OpenAPI openAPI, String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || path.contains("{");
        if (input) {
            addIfAbsent(responses, "400", "Malformed or invalid input; `errors[]` names each invalid field");
        }
        // Credentials may be refused (401) or not enough (403) even where they are optional: a key without the
        // domain's scope is forbidden on a public operation too.
        if (PublicOperations.acceptsCredentials(operation)) {
            addIfAbsent(responses, "401", "No credentials where they are needed, or an invalid or expired token or key");
            addIfAbsent(responses, "403", "The caller's role, branch or scopes do not allow this");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "Not found, or not visible to the caller");
        }
        if (body) {
            addIfAbsent(responses, "413", "The body is larger than the limit");
            addIfAbsent(responses, "415", "The body is not in a media type this operation takes");
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (isError(code) && response.getRef() == null) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    /** Adds a problem answer, unless the operation declares that code itself. */
    public static void addIfAbsent(APIResponses responses, String code, String description) {
        Map<String, APIResponse> declared = responses.getAPIResponses();
        if (declared == null || !declared.containsKey(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF));
        return OASFactory.createContent().addMediaType(MEDIA_TYPE, problem);
    }
}
