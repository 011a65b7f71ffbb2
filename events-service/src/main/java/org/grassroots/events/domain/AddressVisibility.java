package org.grassroots.events.domain;

/** Whether the street address is on the public listing or shown only to attendees (and organisers). */
public enum AddressVisibility {
    @com.fasterxml.jackson.annotation.JsonProperty("public") public_,
    attendees;

    public String code() {
        return this == public_ ? "public" : name();
    }

    /** Stores the {@link #code()}. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column implements jakarta.persistence.AttributeConverter<AddressVisibility, String> {
        @Override
        public String convertToDatabaseColumn(AddressVisibility value) {
            return value == null ? null : value.code();
        }

        @Override
        public AddressVisibility convertToEntityAttribute(String code) {
            return code == null ? null : "public".equals(code) ? public_ : valueOf(code);
        }
    }
}
