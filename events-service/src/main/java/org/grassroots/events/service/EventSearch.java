package org.grassroots.events.service;

import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.EventType;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the public website searches by; every field optional. {@code postcodePrefix} is an area ("PL"), a district
 * ("PL4") or a sector ("PL4 8"); {@code near} a point with a radius. {@code status} other than published (drafts,
 * cancelled, completed) is for those who manage the branch's events.
 */
public record EventSearch(String town, String postcodePrefix, Near near, OffsetDateTime from, OffsetDateTime to,
                          EventType type, UUID campaign, UUID branch, EventStatus status) {

    private static final Pattern PREFIX = Pattern.compile("^[A-Z]{1,2}([0-9][A-Z0-9]?( [0-9]([A-Z]{1,2})?)?)?$");
    public static final double MAX_RADIUS_KM = 500;

    public record Near(double latitude, double longitude, double radiusKm) {
    }

    /** @return the canonical prefix (upper case, single spaces; a full postcode gets its space), or null */
    public static String postcodePrefix(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String canonical = raw.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (FULL.matcher(canonical).matches()) {
            canonical = canonical(canonical);
        }
        if (!PREFIX.matcher(canonical).matches()) {
            throw ProblemException.badRequest("postcode", "must be a UK postcode area, district or sector, e.g. PL, "
                    + "PL4 or PL4 8");
        }
        return canonical;
    }

    private static final Pattern FULL = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");

    /** A full postcode as stored: upper case, one space before the three-character inward code. */
    public static String canonical(String postcode) {
        String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The LIKE pattern: an area matches its districts only ("L" is not "LS"), a district its own postcodes. */
    public String postcodeLike() {
        if (postcodePrefix.chars().allMatch(Character::isLetter)) {
            return postcodePrefix + "%";
        }
        return postcodePrefix.contains(" ") ? postcodePrefix + "%" : postcodePrefix + " %";
    }

    /** For an area, the character after it must be a digit. */
    public String postcodeRegex() {
        return postcodePrefix.chars().allMatch(Character::isLetter) ? "^" + postcodePrefix + "[0-9]" : "^";
    }

    public static Near near(Double latitude, Double longitude, Double radiusKm) {
        if (latitude == null && longitude == null && radiusKm == null) {
            return null;
        }
        if (latitude == null || longitude == null || radiusKm == null) {
            throw ProblemException.badRequest("radiusKm", "lat, lon and radiusKm come together");
        }
        if (latitude < -90 || latitude > 90) {
            throw ProblemException.badRequest("lat", "must be between -90 and 90");
        }
        if (longitude < -180 || longitude > 180) {
            throw ProblemException.badRequest("lon", "must be between -180 and 180");
        }
        if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
            throw ProblemException.badRequest("radiusKm", "must be more than 0 and at most " + (int) MAX_RADIUS_KM);
        }
        return new Near(latitude, longitude, radiusKm);
    }
}
