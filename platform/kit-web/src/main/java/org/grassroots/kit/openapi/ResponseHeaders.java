package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;

/** Headers every answer of a kind carries: a {@code 201} says where the new resource is ({@code Location}). */
public final class ResponseHeaders {

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
    }

    /** A plain string header, for the headers the suite's mechanisms add. */
    public static Header stringHeader(String description, boolean required) {
        return OASFactory.createHeader().required(required).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }
}
