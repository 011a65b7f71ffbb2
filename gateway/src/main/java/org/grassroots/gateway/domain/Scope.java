package org.grassroots.gateway.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may do: read or write one domain ({@code members:read}, {@code events:write}, ...). A domain is
 * the service the gateway routes to; write includes read.
 */
public record Scope(String domain, boolean write) {

    public static final Set<String> DOMAINS = Set.of("members", "events", "elections");
    public static final List<String> ALL = DOMAINS.stream().sorted()
            .flatMap(d -> java.util.stream.Stream.of(d + ":read", d + ":write")).toList();

    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || !DOMAINS.contains(parts[0])) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "read" -> Optional.of(new Scope(parts[0], false));
            case "write" -> Optional.of(new Scope(parts[0], true));
            default -> Optional.empty();
        };
    }

    /** Whether this scope allows {@code method} on {@code domain}: reads need read or write, the rest write. */
    public boolean allows(String domain, String method) {
        if (!this.domain.equals(domain)) {
            return false;
        }
        return write || isRead(method);
    }

    public static boolean isRead(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return domain + (write ? ":write" : ":read");
    }
}
