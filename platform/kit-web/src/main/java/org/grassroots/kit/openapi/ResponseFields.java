package org.grassroots.kit.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answers always carry every field (a value that is absent or hidden is {@code null}), so every property of a
 * schema an answer uses is {@code required}; which ones may be {@code null} the fields say themselves
 * ({@code @Schema(nullable = true)}). A schema that declares its own {@code required} (the problem body, whose
 * optional members are omitted) keeps it. A schema a request body uses too is left alone: a request's optional
 * fields are not required, so such a schema must be split (the contract test says which).
 */
final class ResponseFields {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private ResponseFields() {
    }

    static void declareRequired(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents() == null ? null
                : openAPI.getComponents().getSchemas();
        Set<String> answered = new LinkedHashSet<>();
        Set<String> requested = new HashSet<>();
        List<Schema> inlineAnswers = new ArrayList<>();
        SuiteContract.forEachOperation(openAPI, (path, operation) -> {
            if (operation.getRequestBody() != null) {
                contentSchemas(operation.getRequestBody().getContent(), s -> reach(s, components, requested));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response ->
                        contentSchemas(response.getContent(), s -> {
                            reach(s, components, answered);
                            inlineAnswers.add(s);
                        }));
            }
        });
        inlineAnswers.forEach(ResponseFields::requireAll);
        if (components != null) {
            answered.stream().filter(name -> !requested.contains(name)).map(components::get)
                    .forEach(ResponseFields::requireAll);
        }
    }

    /** Marks every property required, in this schema and the inline schemas inside it (not behind a $ref). */
    private static void requireAll(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            schema.getProperties().values().forEach(ResponseFields::requireAll);
        }
        requireAll(schema.getItems());
        each(schema.getAnyOf(), ResponseFields::requireAll);
        each(schema.getOneOf(), ResponseFields::requireAll);
        each(schema.getAllOf(), ResponseFields::requireAll);
    }

    /** The names of the component schemas a schema uses, directly or through others. */
    private static void reach(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            if (schema.getRef().startsWith(COMPONENT_PREFIX)) {
                String name = schema.getRef().substring(COMPONENT_PREFIX.length());
                if (names.add(name) && components != null) {
                    reach(components.get(name), components, names);
                }
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, components, names));
        }
        reach(schema.getItems(), components, names);
        reach(schema.getAdditionalPropertiesSchema(), components, names);
        each(schema.getAnyOf(), s -> reach(s, components, names));
        each(schema.getOneOf(), s -> reach(s, components, names));
        each(schema.getAllOf(), s -> reach(s, components, names));
    }

    private static void contentSchemas(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().filter(m -> m.getSchema() != null)
                    .forEach(m -> action.accept(m.getSchema()));
        }
    }

    private static void each(List<Schema> schemas, Consumer<Schema> action) {
        if (schemas != null) {
            schemas.forEach(action);
        }
    }
}
