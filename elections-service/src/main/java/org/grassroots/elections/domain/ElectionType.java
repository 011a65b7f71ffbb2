package org.grassroots.elections.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The election types of Democracy Club's reference definition, with which id segments each may carry. Types with
 * subtypes ({@code sp.c}, {@code gla.a}, ...) say per subtype whether ballots go down to a division.
 */
public enum ElectionType {
    LOCAL("local", "Local elections", Map.of(), true, true),
    PARL("parl", "UK Parliament elections", Map.of(), false, true),
    NIA("nia", "Northern Ireland Assembly elections", Map.of(), false, true),
    EUROPARL("europarl", "European Parliament (UK) elections", Map.of(), false, true),
    NAW("naw", "National Assembly for Wales elections", Map.of("c", true, "r", true), false, true),
    SENEDD("senedd", "Senedd Cymru elections", Map.of("c", true, "r", true), false, true),
    SP("sp", "Scottish Parliament elections", Map.of("c", true, "r", true), false, true),
    GLA("gla", "Greater London Assembly elections", Map.of("c", true, "a", false), false, true),
    MAYOR("mayor", "Mayoral elections", Map.of(), true, false),
    PCC("pcc", "Police and Crime Commissioner elections", Map.of(), true, false),
    REF("ref", "Referendums", Map.of(), true, false);

    private final String slug;
    private final String description;
    /** subtype -> whether its ballots have a division segment */
    private final Map<String, Boolean> subtypes;
    private final boolean organisations;
    private final boolean divisions;

    ElectionType(String slug, String description, Map<String, Boolean> subtypes, boolean organisations,
                 boolean divisions) {
        this.slug = slug;
        this.description = description;
        this.subtypes = subtypes;
        this.organisations = organisations;
        this.divisions = divisions;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    public static Optional<ElectionType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    public static String allSlugs() {
        return String.join(", ", Arrays.stream(values()).map(ElectionType::slug).toList());
    }

    public boolean hasSubtypes() {
        return !subtypes.isEmpty();
    }

    public Set<String> subtypes() {
        return new java.util.TreeSet<>(subtypes.keySet());
    }

    public boolean hasOrganisations() {
        return organisations;
    }

    public boolean hasDivisions(String subtype) {
        return subtype == null ? divisions : subtypes.getOrDefault(subtype, false);
    }
}
