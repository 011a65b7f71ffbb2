package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Counts per campaign, computed in the database (one grouped query per kind of figure). */
@ApplicationScoped
public class RollUpService {

    @Inject
    EntityManager em;

    @Transactional
    public CampaignRollUp of(UUID campaignId) {
        Campaign campaign = Campaign.require(campaignId);
        Map<String, Long> byStatus = new TreeMap<>();
        for (Object[] row : rows("select status, count(*) from event where campaign_id = ?1 group by status",
                campaignId)) {
            byStatus.put((String) row[0], n(row[1]));
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();

        // events, accepted, waitlisted, cancelled, attended, feedback, walk-ins
        Map<String, long[]> figures = new LinkedHashMap<>();
        Map<String, String[]> places = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select town, postcode, count(*) from event where campaign_id = ?1
                group by town, postcode order by town, postcode""", campaignId)) {
            figures(figures, places, row)[0] = n(row[2]);
        }
        for (Object[] row : rows("""
                select e.town, e.postcode, r.status, r.walk_in, count(*), count(*) filter (where r.attended)
                from rsvp r join event e on e.id = r.event_id where e.campaign_id = ?1
                group by e.town, e.postcode, r.status, r.walk_in""", campaignId)) {
            long[] f = figures(figures, places, row);
            if (Boolean.TRUE.equals(row[3])) {
                f[6] += n(row[4]); // walk-ins are not RSVPs: they count as attended and as walk-ins
            } else {
                switch ((String) row[2]) {
                    case "accepted" -> f[1] = n(row[4]);
                    case "waitlisted" -> f[2] = n(row[4]);
                    default -> f[3] = n(row[4]);
                }
            }
            f[4] += n(row[5]);
        }
        for (Object[] row : feedbackPerLocation(campaignId)) {
            figures(figures, places, row)[5] = n(row[2]);
        }
        List<CampaignRollUp.Location> locations = new ArrayList<>();
        long accepted = 0;
        long waitlisted = 0;
        long cancelled = 0;
        long attended = 0;
        long walkIns = 0;
        for (var entry : figures.entrySet()) {
            long[] f = entry.getValue();
            String[] place = places.get(entry.getKey());
            locations.add(new CampaignRollUp.Location(place[0], place[1], f[0], f[1], f[2], f[3], f[4], f[6],
                    f[5]));
            accepted += f[1];
            waitlisted += f[2];
            cancelled += f[3];
            attended += f[4];
            walkIns += f[6];
        }
        return new CampaignRollUp(campaign.id, campaign.name, new CampaignRollUp.Events(total, byStatus), locations,
                new CampaignRollUp.Rsvps(accepted, waitlisted, cancelled), attended, walkIns, feedback(campaignId));
    }

    /** Feedback responses per location: town, postcode, count. */
    List<Object[]> feedbackPerLocation(UUID campaignId) {
        return rows("""
                select e.town, e.postcode, count(*) from feedback f join event e on e.id = f.event_id
                where e.campaign_id = ?1 group by e.town, e.postcode""", campaignId);
    }

    CampaignRollUp.Feedback feedback(UUID campaignId) {
        long total = n(em.createNativeQuery("""
                select count(*) from feedback f join event e on e.id = f.event_id where e.campaign_id = ?1""")
                .setParameter(1, campaignId).getSingleResult());
        List<CampaignRollUp.TopicCount> byTopic = rows("""
                select t.topic, ft.label, count(*) from feedback_response_topic t
                join feedback f on f.id = t.feedback_id join event e on e.id = f.event_id
                join feedback_topic ft on ft.slug = t.topic
                where e.campaign_id = ?1 group by t.topic, ft.label order by count(*) desc, t.topic""", campaignId)
                .stream().map(r -> new CampaignRollUp.TopicCount((String) r[0], (String) r[1], n(r[2]))).toList();
        List<CampaignRollUp.LocationTopicCount> byPlace = rows("""
                select e.town, e.postcode, t.topic, count(*) from feedback_response_topic t
                join feedback f on f.id = t.feedback_id join event e on e.id = f.event_id
                where e.campaign_id = ?1 group by e.town, e.postcode, t.topic
                order by e.town, e.postcode, count(*) desc, t.topic""", campaignId)
                .stream().map(r -> new CampaignRollUp.LocationTopicCount((String) r[0], (String) r[1], (String) r[2],
                        n(r[3]))).toList();
        return new CampaignRollUp.Feedback(total, byTopic, byPlace);
    }

    private static long[] figures(Map<String, long[]> figures, Map<String, String[]> places, Object[] row) {
        String key = row[0] + "\u001f" + row[1];
        places.putIfAbsent(key, new String[] {(String) row[0], (String) row[1]});
        return figures.computeIfAbsent(key, k -> new long[7]);
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, UUID campaignId) {
        return em.createNativeQuery(sql).setParameter(1, campaignId).getResultList();
    }

    static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
