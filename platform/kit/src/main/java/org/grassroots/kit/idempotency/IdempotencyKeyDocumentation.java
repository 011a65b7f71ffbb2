package org.grassroots.kit.idempotency;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.grassroots.kit.openapi.ProblemResponses;
import org.grassroots.kit.openapi.ResponseHeaders;
import org.grassroots.kit.openapi.SuiteContract;

import java.util.List;

/**
 * A service's document: the suite's contract ({@link SuiteContract}) and the {@code Idempotency-Key} header on
 * every POST (each one is {@link Idempotent}), with the {@code Idempotent-Replayed} header on its answers.
 */
public class IdempotencyKeyDocumentation extends SuiteContract {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        forEachOperation(openAPI, (path, operation) -> {
            boolean post = openAPI.getPaths().getPathItem(path).getPOST() == operation;
            boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> IdempotencyInterceptor.HEADER.equals(p.getName()));
            if (!post || documented) {
                return;
            }
            operation.addParameter(OASFactory.createParameter()
                    .name(IdempotencyInterceptor.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Makes a retry safe: the same key and body replay the first answer "
                            + "(header Idempotent-Replayed: true); the same key with another body is a 422. "
                            + "Keys are kept 24 hours, per caller (a replay after that is a new request); after an "
                            + "erasure, a replay of a key whose request created the erased data is a 410.")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)));
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            ProblemResponses.addIfAbsent(operation.getResponses(), "422",
                    "The Idempotency-Key was used for another request (or the request breaks a rule)");
            ProblemResponses.addIfAbsent(operation.getResponses(), "410",
                    "What this Idempotency-Key's request created has been erased");
            if (operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && response.getRef() == null) {
                        response.addHeader(IdempotencyInterceptor.REPLAYED_HEADER, ResponseHeaders.stringHeader(
                                "`true` when this is the replay of an earlier answer to the same Idempotency-Key",
                                false));
                    }
                });
            }
        });
        super.filterOpenAPI(openAPI);
    }
}
