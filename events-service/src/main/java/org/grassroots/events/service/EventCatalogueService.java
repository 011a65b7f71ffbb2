package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.AddressVisibility;
import org.grassroots.events.domain.EventType;
import org.grassroots.events.domain.PublicLocation;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.security.Caller;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public event search, one SQL statement per page: only the listed columns (no personal data is read), keyset
 * paginated by start time and id, each filter served by a partial index on published events.
 */
@ApplicationScoped
public class EventCatalogueService {

    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final double KM_PER_DEGREE = 111.32;

    /** An event as the public listing shows it; distanceKm when searched near a point. */
    public record Listing(UUID id, String title, EventType type, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          String timeZone, String venue, String town, String postcode, Double latitude,
                          Double longitude, UUID campaignId, Double distanceKm) {
    }

    @Inject
    EntityManager em;

    /** Published events; members-only ones too for a signed-in caller. */
    @SuppressWarnings("unchecked")
    public Page<Listing> search(EventSearch search, PageRequest request, Caller caller) {
        EventStatus status = search.status() == null ? EventStatus.published : search.status();
        if (status != EventStatus.published && !caller.isAdmin()
                && (search.branch() == null || !caller.managesBranch(search.branch()))) {
            throw ProblemException.forbidden("Only the branch's organisers and admins list its " + status + " events; name "
                    + "your branch");
        }
        // The status is inlined (an enum constant): the partial indexes on published events need the literal.
        StringBuilder where = new StringBuilder("e.status = '" + status.name() + "'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.isSignedIn()) {
            where.append(" and e.visibility = 'public'");
        }
        if (search.branch() != null) {
            where.append(" and e.branch_id = :branch");
            params.put("branch", search.branch());
        }
        if (search.town() != null) {
            where.append(" and lower(e.town) = lower(:town)");
            params.put("town", search.town().trim());
        }
        if (search.postcodePrefix() != null) {
            where.append(" and e.postcode like :postcodeLike and e.postcode ~ :postcodeRegex");
            params.put("postcodeLike", search.postcodeLike());
            params.put("postcodeRegex", search.postcodeRegex());
        }
        String distance = "null";
        EventSearch.Near near = search.near();
        if (near != null) {
            // A bounding box the area index can serve, then the exact great-circle distance.
            double latDelta = near.radiusKm() / KM_PER_DEGREE;
            double cos = Math.cos(Math.toRadians(near.latitude()));
            double lonDelta = cos < 0.01 ? 180 : near.radiusKm() / (KM_PER_DEGREE * cos);
            distance = ("%s * 2 * asin(sqrt(power(sin(radians(e.latitude - :lat) / 2), 2) + cos(radians(:lat)) "
                    + "* cos(radians(e.latitude)) * power(sin(radians(e.longitude - :lon) / 2), 2)))")
                    .formatted(EARTH_RADIUS_KM);
            where.append(" and e.latitude between :latMin and :latMax and e.longitude between :lonMin and :lonMax")
                    .append(" and ").append(distance).append(" <= :radius");
            params.put("lat", near.latitude());
            params.put("lon", near.longitude());
            params.put("latMin", near.latitude() - latDelta);
            params.put("latMax", near.latitude() + latDelta);
            params.put("lonMin", near.longitude() - lonDelta);
            params.put("lonMax", near.longitude() + lonDelta);
            params.put("radius", near.radiusKm());
        }
        if (search.from() != null) {
            where.append(" and e.starts_at >= :from");
            params.put("from", search.from());
        }
        if (search.to() != null) {
            where.append(" and e.starts_at < :to");
            params.put("to", search.to());
        }
        if (search.type() != null) {
            where.append(" and e.event_type = :type");
            params.put("type", search.type().name());
        }
        if (search.campaign() != null) {
            where.append(" and e.campaign_id = :campaign");
            params.put("campaign", search.campaign());
        }
        if (request.after() != null) {
            where.append(" and (e.starts_at, e.id) > (:afterStart, :afterId)");
            params.put("afterStart", request.after().dateTime(0));
            params.put("afterId", request.after().uuid(1));
        }
        Query query = em.createNativeQuery("""
                select e.id, e.title, e.event_type, e.starts_at, e.ends_at, e.time_zone, e.venue, e.town, e.postcode,
                       e.latitude, e.longitude, e.campaign_id, %s as distance, e.address_visibility
                from event e where %s order by e.starts_at, e.id limit %d"""
                .formatted(distance, where, request.fetchSize()));
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        List<Listing> listings = rows.stream().map(EventCatalogueService::listing).toList();
        return request.page(listings, l -> Cursor.of(l.startsAt(), l.id()));
    }

    /** A row as the public listing shows it: an attendees-only address withheld (see {@link PublicLocation}). */
    private static Listing listing(Object[] r) {
        Double distance = r[12] == null ? null : Math.round(((Number) r[12]).doubleValue() * 10) / 10.0;
        Double latitude = Columns.decimal(r[9]);
        Double longitude = Columns.decimal(r[10]);
        String venue = (String) r[6];
        String postcode = (String) r[8];
        if (AddressVisibility.attendees.code().equals(r[13])) {
            venue = null;
            postcode = PublicLocation.district(postcode);
            latitude = PublicLocation.latitude(latitude);
            longitude = PublicLocation.longitude(longitude);
            distance = PublicLocation.distanceKm(distance);
        }
        return new Listing((UUID) r[0], (String) r[1], EventType.valueOf((String) r[2]), Columns.time(r[3]),
                Columns.time(r[4]), (String) r[5], venue, (String) r[7], postcode, latitude, longitude,
                (UUID) r[11], distance);
    }
}
