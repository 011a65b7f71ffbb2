package org.grassroots.events.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Who may see an event: anyone, or signed-in members (and organisers, admins). Stored and published in lower case. */
public enum Visibility {
    /** Anyone, on the public website ({@code public} is a Java keyword, hence the underscore). */
    @JsonProperty("public") public_,
    @JsonProperty("members") members;

    public String code() {
        return this == public_ ? "public" : name();
    }

    public static Visibility of(String code) {
        return "public".equals(code) ? public_ : valueOf(code);
    }

    /** Stores the {@link #code()}. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Visibility, String> {
        @Override
        public String convertToDatabaseColumn(Visibility visibility) {
            return visibility == null ? null : visibility.code();
        }

        @Override
        public Visibility convertToEntityAttribute(String code) {
            return code == null ? null : of(code);
        }
    }
}
