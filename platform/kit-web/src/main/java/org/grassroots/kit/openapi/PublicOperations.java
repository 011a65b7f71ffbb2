package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.models.Operation;

import java.util.ArrayList;

/**
 * An operation that names no security requirement is public: it says so with {@code security: []}, so a reader (and
 * a linter) can tell "public" from "forgotten". Operations that take a token optionally declare an empty requirement
 * beside the schemes ({@code @SecurityRequirementsSet} with no entries, then {@code @SecurityRequirement}).
 */
final class PublicOperations {

    private PublicOperations() {
    }

    static void declare(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
    }

    /** Whether it accepts credentials at all: then a bad token is refused (401). */
    static boolean acceptsCredentials(Operation operation) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }
}
