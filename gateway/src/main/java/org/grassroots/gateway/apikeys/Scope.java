package org.grassroots.gateway.apikeys;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an API key may do in one domain (the service the gateway routes to): {@code read}, {@code write} (which
 * includes read), or one of the dangerous operations that neither includes: {@code members:export} (the whole
 * list, a person's subject-access export), {@code members:erase}, {@code members:roles}. The gateway confines a key
 * to its domains and to reading where it only reads; each service then enforces the exact scope an operation needs
 * from the token's {@code scope} claim.
 */
public record Scope(String domain, String action) {

    public static final Set<String> DOMAINS = Set.of("members", "events", "elections", "webhooks");
    /** The actions each domain has beyond read and write. */
    private static final Map<String, List<String>> DANGEROUS = Map.of("members", List.of("export", "erase", "roles"));
    public static final List<String> ALL = DOMAINS.stream().sorted()
            .flatMap(d -> Stream.concat(Stream.of(d + ":read", d + ":write"),
                    DANGEROUS.getOrDefault(d, List.of()).stream().map(a -> d + ":" + a)))
            .toList();

    public static Optional<Scope> parse(String text) {
        if (text == null || !ALL.contains(text)) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 2);
        return Optional.of(new Scope(parts[0], parts[1]));
    }

    /**
     * Whether the gateway lets {@code method} on {@code domain} through for this scope: read only reads; write and
     * the dangerous scopes may call any method (the service refuses what the exact scope does not cover).
     */
    public boolean allows(String domain, String method) {
        return this.domain.equals(domain) && (!action.equals("read") || isRead(method));
    }

    public static boolean isRead(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return domain + ":" + action;
    }
}
