package org.grassroots.kit.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.Optional;

/**
 * The scope an API key needs for each operation, declared in the document as {@value #EXTENSION}: the value of
 * {@code @Extension(name = ApiKeyScopes.EXTENSION, value = "members:erase")} on a dangerous operation, otherwise
 * the service's domain ({@code grassroots.api-key-domain}) with {@code :read} for GET and {@code :write} for the
 * rest. The services enforce the same value (the kit's {@code ApiKeyScopeGate}); the gateway puts it in the
 * operation's {@code apiKey} security requirement.
 */
public final class ApiKeyScopes {

    public static final String EXTENSION = "x-api-key-scope";
    public static final String DOMAIN_PROPERTY = "grassroots.api-key-domain";
    /** The whole list, or a person's subject-access export. */
    public static final String MEMBERS_EXPORT = "members:export";
    /** Erasing a person, and reading an erasure. */
    public static final String MEMBERS_ERASE = "members:erase";
    /** Granting and revoking roles. */
    public static final String MEMBERS_ROLES = "members:roles";

    private ApiKeyScopes() {
    }

    /** The default scope of a method in a domain. */
    public static String defaultScope(String domain, String method) {
        boolean read = method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")
                || method.equalsIgnoreCase("OPTIONS");
        return domain + (read ? ":read" : ":write");
    }

    static void declare(String method, Operation operation) {
        // The scanner copies a method's @Extension onto its responses (the object and each one); the operation's is
        // the one.
        if (operation.getResponses() != null) {
            if (operation.getResponses().getExtensions() != null) {
                operation.getResponses().removeExtension(EXTENSION);
            }
            if (operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getExtensions() != null)
                        .forEach(response -> response.removeExtension(EXTENSION));
            }
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(EXTENSION)) {
            return;
        }
        Optional<String> domain = ConfigProvider.getConfig().getOptionalValue(DOMAIN_PROPERTY, String.class);
        domain.ifPresent(d -> operation.addExtension(EXTENSION, defaultScope(d, method)));
    }
}
