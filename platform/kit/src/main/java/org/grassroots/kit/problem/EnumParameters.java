package org.grassroots.kit.problem;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Enum query and path parameters: a value that is not one of the constants is a 400 naming the allowed values
 * (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf(type, value);
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.toString(type.getEnumConstants());
                    throw ProblemException.badRequest(parameterName(annotations),
                            "'" + value + "' is not one of " + allowed);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof jakarta.ws.rs.QueryParam query) {
                return query.value();
            }
            if (annotation instanceof jakarta.ws.rs.PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }
}
