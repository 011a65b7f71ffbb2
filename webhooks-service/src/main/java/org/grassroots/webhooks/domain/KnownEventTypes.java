package org.grassroots.webhooks.domain;

import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.problem.ProblemException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The event types an endpoint may ask for: the kit's catalogue ({@link EventTypes}), or {@value #ALL}. */
public final class KnownEventTypes {

    public static final String ALL = "*";
    public static final int MAX_TYPES = 50;

    /**
     * Types of the catalogue that never reach an endpoint: the compacted member state (the same change is on the
     * members topic as a lifecycle event) and this service's own endpoint.disabled (the endpoint is disabled).
     */
    static final Set<String> NOT_DELIVERED = Set.of(EventTypes.MEMBER_STATE, EventTypes.WEBHOOK_ENDPOINT_DISABLED);

    /** Read from the catalogue's constants, so a type added there is subscribable here without a change. */
    public static final Set<String> CATALOGUE = Arrays.stream(EventTypes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(KnownEventTypes::value).filter(type -> !NOT_DELIVERED.contains(type))
            .collect(Collectors.toUnmodifiableSet());

    private KnownEventTypes() {
    }

    /** @throws ProblemException 400 for an empty or too long list, 422 naming an unknown type */
    public static String[] check(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw ProblemException.badRequest("eventTypes", "must name at least one event type (or \"*\")");
        }
        if (types.size() > MAX_TYPES) {
            throw ProblemException.badRequest("eventTypes", "must name at most " + MAX_TYPES + " event types");
        }
        for (String type : types) {
            if (type == null || !(ALL.equals(type) || CATALOGUE.contains(type))) {
                throw Refusals.unprocessable("unknown-event-type", "eventTypes", type
                        + " is not an event type of the catalogue (for example " + EventTypes.MEMBER_JOINED
                        + "), nor \"*\"");
            }
        }
        return types.stream().distinct().sorted().toArray(String[]::new);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
