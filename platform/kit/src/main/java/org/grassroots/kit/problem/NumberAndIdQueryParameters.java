package org.grassroots.kit.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * Integer, Long and UUID query parameters: a value that is not one is a 400 naming the parameter. JAX-RS must
 * answer 404 for a query parameter it cannot convert (Jakarta REST 3.2), which tells a client the resource is
 * missing when only its query was wrong. Path parameters keep the 404: a malformed id names no resource.
 */
@Provider
public class NumberAndIdQueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameter(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "an integer");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "an integer");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "a UUID");
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String what) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(name, "must be " + what);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String queryParameter(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }
}
