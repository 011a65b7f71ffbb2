package org.grassroots.events.domain;

/**
 * What the public may know of an attendees-only address: the town, the postcode district (outward code) and a
 * point snapped to a grid of about 1.1 x 1.4 km (0.01 degrees of latitude, 0.02 of longitude, the cell's
 * centre), never the venue, the street or the full postcode. Enough to say "in Plymouth, PL4" and put a pin on
 * a neighbourhood; not enough to find the door before the RSVP is accepted.
 */
public final class PublicLocation {

    static final double LATITUDE_CELL = 0.01;
    static final double LONGITUDE_CELL = 0.02;

    private PublicLocation() {
    }

    /** "PL4 8AA" -> "PL4"; a postcode without an inward part is already a district; null stays null. */
    public static String district(String postcode) {
        if (postcode == null) {
            return null;
        }
        String trimmed = postcode.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? (trimmed.length() > 4 ? null : trimmed) : trimmed.substring(0, space);
    }

    public static Double latitude(Double latitude) {
        return snap(latitude, LATITUDE_CELL);
    }

    public static Double longitude(Double longitude) {
        return snap(longitude, LONGITUDE_CELL);
    }

    /** A distance from a search point, for an attendees-only event: whole kilometres, as the point is blurred. */
    public static Double distanceKm(Double distanceKm) {
        return distanceKm == null ? null : (double) Math.round(distanceKm);
    }

    private static Double snap(Double value, double cell) {
        if (value == null) {
            return null;
        }
        double centre = (Math.floor(value / cell) + 0.5) * cell;
        return Math.round(centre * 100_000) / 100_000.0;
    }
}
