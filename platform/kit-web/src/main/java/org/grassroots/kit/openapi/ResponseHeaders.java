package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;

/**
 * Headers every answer of a kind carries: a {@code 201} says where the new resource is ({@code Location}); an
 * operation marked {@link #VERSIONED} answers its resource's version as an {@code ETag} for {@code If-Match}.
 */
public final class ResponseHeaders {

    /**
     * Put {@code @Extension(name = ResponseHeaders.VERSIONED, value = "true")} on an operation whose 200/201 answer
     * carries the resource's {@code ETag}. The marker is removed from the served document once read.
     */
    public static final String VERSIONED = "x-grassroots-versioned";

    private ResponseHeaders() {
    }

    static void declare(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        APIResponse created = operation.getResponses().getAPIResponses().get("201");
        if (created != null && created.getRef() == null
                && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeader("Location", OASFactory.createHeader().required(true)
                    .description("The URL of what was created")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri-reference")));
        }
        // The scanner puts a method's @Extension on the operation, its responses object and each response; remove all.
        boolean onOperation = operation.getExtensions() != null && operation.getExtensions().containsKey(VERSIONED);
        boolean onResponses = operation.getResponses().getExtensions() != null
                && operation.getResponses().getExtensions().containsKey(VERSIONED);
        if (onOperation || onResponses) {
            operation.removeExtension(VERSIONED);
            operation.getResponses().removeExtension(VERSIONED);
            operation.getResponses().getAPIResponses().values().forEach(answer -> answer.removeExtension(VERSIONED));
            for (String status : List.of("200", "201")) {
                APIResponse answer = operation.getResponses().getAPIResponses().get(status);
                if (answer != null && answer.getRef() == null) {
                    answer.addHeader("ETag", stringHeader("The resource's version: send it as If-Match to change "
                            + "the resource only if nobody else has", true));
                }
            }
        }
    }

    /** A plain string header, for the headers the suite's mechanisms add. */
    public static Header stringHeader(String description, boolean required) {
        return OASFactory.createHeader().required(required).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }
}
