package org.grassroots.kit.idempotency;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Documents the {@code Idempotency-Key} header on every POST (each one is {@link Idempotent}). */
public class IdempotencyKeyDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getPOST() != null) {
                item.getPOST().addParameter(OASFactory.createParameter()
                        .name(IdempotencyInterceptor.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Makes a retry safe: the same key and body replay the first answer "
                                + "(header Idempotent-Replayed: true); the same key with another body is a 422. "
                                + "Keys are kept 24 hours, per caller.")
                        .schema(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                                .maxLength(200)));
            }
        });
    }
}
