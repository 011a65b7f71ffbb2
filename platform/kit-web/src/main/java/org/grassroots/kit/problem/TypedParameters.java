package org.grassroots.kit.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parameters a value cannot be converted to are a 400 naming the parameter: JAX-RS must answer 404 for a query
 * parameter it cannot convert (Jakarta REST 3.2), which tells a client the resource is missing when only its query
 * was wrong. Enum query and path parameters name the allowed values; Integer, Long and UUID query parameters say
 * what they must be. Number and id path parameters keep the 404: a malformed id names no resource.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.toString(type.getEnumConstants());
            return converter(parameterName(annotations, true), value -> (T) Enum.valueOf(type, value),
                    value -> "'" + value + "' is not one of " + allowed);
        }
        String query = parameterName(annotations, false);
        if (query == null) {
            return null;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(query, value -> Integer.valueOf(value.strip()),
                    value -> "must be an integer");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(query, value -> Long.valueOf(value.strip()),
                    value -> "must be an integer");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(query, value -> UUID.fromString(value.strip()),
                    value -> "must be a UUID");
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse,
                                                   Function<String, String> refusal) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(name, refusal.apply(value));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> constant ? constant.name() : value.toString();
            }
        };
    }

    /** The query parameter's name, or the path parameter's too when {@code orPath}; null when neither. */
    private static String parameterName(Annotation[] annotations, boolean orPath) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (orPath && annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return orPath ? "parameter" : null;
    }
}
