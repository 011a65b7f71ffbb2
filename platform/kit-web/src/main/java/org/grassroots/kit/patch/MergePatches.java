package org.grassroots.kit.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.grassroots.kit.problem.ProblemException;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one way a resource reads a {@code PATCH} body (a JSON Merge Patch, RFC 7386) into what its service takes,
 * with the application's JSON mapper and validator, so a resource injects this rather than both.
 */
@ApplicationScoped
public class MergePatches {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** A patch read into its typed form: see {@link JsonMergePatch#read}. */
    public <T> T read(JsonNode patch, Class<T> type, Set<String> writable, Set<String> removable) {
        return JsonMergePatch.read(patch, type, writable, removable, mapper, validator);
    }

    /**
     * The patch applied to the whole of a resource's writable form (a record whose components are exactly the
     * writable fields), read back and validated: what a {@code PUT} of the result would send.
     */
    public <T extends Record> T applyTo(T current, JsonNode patch, Class<T> type) {
        JsonMergePatch.requireWritable(patch, componentNames(type));
        JsonNode patched = JsonMergePatch.apply(mapper.valueToTree(current), patch);
        T result;
        try {
            result = mapper.treeToValue(patched, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "a field has the wrong type");
        }
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static Set<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
