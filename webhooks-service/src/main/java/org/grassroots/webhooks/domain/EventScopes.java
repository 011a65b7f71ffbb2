package org.grassroots.webhooks.domain;

import org.grassroots.kit.catalogue.EventTypes;

import java.util.Arrays;
import java.util.Map;

/**
 * Which API-key scope lets an endpoint receive an event type: an event is as readable as the resource it is about,
 * so a {@code members:read} key (or {@code members:write}, which includes read) gets {@code member.*} and
 * {@code person.*}, {@code events:read} gets {@code event.*}, {@code elections:read} gets {@code office-holder.*}.
 * A type of no known domain goes to admin-owned endpoints only.
 */
public final class EventScopes {

    private static final String PREFIX = "org.grassroots.";
    /** The first segment of a type after the prefix, and the API-key domain that covers it. */
    private static final Map<String, String> DOMAIN_OF_AGGREGATE = Map.of(
            "member", "members", "person", "members", "event", "events", "office-holder", "elections");

    private EventScopes() {
    }

    /** @param ownerScopes null for an admin person (everything); an API key's scopes otherwise */
    public static boolean allows(String[] ownerScopes, String type) {
        if (ownerScopes == null) {
            return true;
        }
        String domain = domainOf(type);
        return domain != null && Arrays.stream(ownerScopes)
                .anyMatch(s -> s.equals(domain + ":read") || s.equals(domain + ":write"));
    }

    /** The API-key domain of an event type ({@code members} for {@value EventTypes#MEMBER_JOINED}), or null. */
    static String domainOf(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            return null;
        }
        String rest = type.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : DOMAIN_OF_AGGREGATE.get(rest.substring(0, dot));
    }
}
