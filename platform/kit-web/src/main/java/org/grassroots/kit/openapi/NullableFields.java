package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A nullable reference comes out of the scanner as {@code anyOf: [{$ref}, {type: null}]}, sometimes beside a
 * {@code type: object} that {@code null} does not satisfy (Prism found it on a candidacy's {@code party}). Wherever
 * {@code anyOf} admits {@code null}, the field's own {@code type} admits it too.
 */
final class NullableFields {

    private NullableFields() {
    }

    static void complete(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(NullableFields::complete);
    }

    private static void complete(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL) && admitsNull(schema)) {
            List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
            types.add(Schema.SchemaType.NULL);
            schema.setType(types);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(NullableFields::complete);
        }
        if (schema.getItems() != null) {
            complete(schema.getItems());
        }
    }

    private static boolean admitsNull(Schema schema) {
        return schema.getAnyOf() != null && schema.getAnyOf().stream()
                .anyMatch(option -> option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
    }
}
