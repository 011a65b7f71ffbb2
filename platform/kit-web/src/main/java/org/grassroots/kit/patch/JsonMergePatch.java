package org.grassroots.kit.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.grassroots.kit.problem.ProblemException;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Merge Patch (RFC 7386), the body of every {@code PATCH}: members of the patch replace the target's, a
 * null removes one, objects merge recursively, arrays are replaced whole.
 */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {
    }

    /** The patch applied to a copy of the target. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** Refuses (400, naming the field) a patch that is not an object or names a field clients may not write. */
    public static void requireWritable(JsonNode patch, Set<String> writable) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object (a merge patch)");
        }
        Iterator<String> names = patch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!writable.contains(name)) {
                throw ProblemException.badRequest(name, "is read-only or unknown; writable: " + writable);
            }
        }
    }

    /**
     * Reads a merge patch into its typed form, the one way every resource reads a {@code PATCH}: refuses unknown
     * or read-only fields, a null for a field that cannot be removed, and wrong types (all 400, naming the field),
     * then checks the type's constraints. A removable field's null stays null in the result; ask
     * {@link #removes(JsonNode, String)} to tell "removed" from "absent".
     */
    public static <T> T read(JsonNode patch, Class<T> type, Set<String> writable, Set<String> removable,
                             ObjectMapper mapper, Validator validator) {
        requireWritable(patch, writable);
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull() && !removable.contains(member.getKey())) {
                throw ProblemException.badRequest(member.getKey(), "cannot be removed (null); it is required");
            }
        }
        T typed;
        try {
            typed = mapper.treeToValue(patch, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badRequest(fieldOf(e), "has the wrong type");
        }
        var violations = validator.validate(typed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return typed;
    }

    /** Whether the patch removes the field (names it with null). */
    public static boolean removes(JsonNode patch, String field) {
        return patch != null && patch.has(field) && patch.get(field).isNull();
    }

    private static String fieldOf(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : Integer.toString(r.getIndex())).collect(Collectors.joining("."));
        }
        return "body";
    }

    /** The version named by an {@code If-Match} header ({@code "3"} or {@code W/"3"}); null when absent or *. */
    public static Long ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match names no version of this resource");
        }
    }
}
