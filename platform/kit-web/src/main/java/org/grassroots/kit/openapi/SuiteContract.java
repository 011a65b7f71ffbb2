package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The habits of the one API surface, applied once to a generated document instead of being repeated on every
 * operation: public operations say so ({@code security: []}), every operation lists the problem+json answers it
 * can give, and every field of an answer is declared present ({@code required}), its {@code null} declared where it
 * can be one (with {@code @Schema(nullable = true)} on the field). Each service and the gateway run it; running it
 * twice changes nothing, so the gateway may run it over the services' documents again.
 */
public class SuiteContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        forEachOperation(openAPI, (path, operation) -> {
            PublicOperations.declare(operation);
            ProblemResponses.declare(openAPI, path, operation);
            ResponseHeaders.declare(operation);
        });
        forEachMethod(openAPI, (method, operation) -> ApiKeyScopes.declare(method, operation));
        ResponseFields.declareRequired(openAPI);
        NullableFields.complete(openAPI);
    }

    /** Every operation with its HTTP method. */
    protected static void forEachMethod(OpenAPI openAPI, BiConsumer<String, Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, operation) -> action.accept(method.name(), operation));
            }
        }
    }

    /** Every operation with the path it is under. */
    protected static void forEachOperation(OpenAPI openAPI, BiConsumer<String, Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() != null) {
                path.getValue().getOperations().values().forEach(operation -> action.accept(path.getKey(), operation));
            }
        }
    }
}
