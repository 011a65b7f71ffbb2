package org.grassroots.webhooks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * A delivery's body against what the served document's {@code webhooks:} says of its type, checked by an
 * independent JSON Schema validator (networknt, draft 2020-12, the dialect of OpenAPI 3.1).
 */
public final class DocumentedWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentedWebhooks() {
    }

    /** The validator's messages for this body (empty when it is as documented); fails for an undocumented type. */
    public static List<String> violations(String type, String body) throws IOException {
        JsonNode document = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        JsonNode schema = document.path("webhooks").path(type).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError("the document has no webhook " + type);
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(JSON.readTree(body)).stream().map(ValidationMessage::getMessage).toList();
    }
}
