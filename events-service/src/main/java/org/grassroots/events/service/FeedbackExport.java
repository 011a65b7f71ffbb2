package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Campaign;
import org.grassroots.kit.security.Caller;
import org.grassroots.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's responses for the policy team: what was said, where and when, with its topics. Contact details are
 * not exported (those who consented are contacted from the organisers' view of the event, not from a spreadsheet).
 */
@ApplicationScoped
public class FeedbackExport {

    public record Row(UUID feedbackId, OffsetDateTime recordedAt, UUID eventId, String eventTitle, String town,
                      String postcode, UUID timeslotId, OffsetDateTime timeslotStartsAt, String question,
                      String answer, String topics, boolean contactConsent) {
    }

    @Inject
    EntityManager em;

    /** Organisers get their branch's events' responses; admins all. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Row> rows(UUID campaignId, Caller caller) {
        Campaign.require(campaignId);
        if (!caller.isAdmin() && caller.branchId() == null) {
            throw ProblemException.forbidden("Your token names no branch, so there is no feedback you may export");
        }
        String branch = caller.isAdmin() ? "" : " and e.branch_id = ?2";
        var query = em.createNativeQuery("""
                select f.id, f.recorded_at, e.id as event_id, e.title, e.town, e.postcode, t.id as timeslot_id,
                       t.starts_at, q.text, f.answer,
                       (select string_agg(rt.topic, ' ' order by rt.topic) from feedback_response_topic rt
                        where rt.feedback_id = f.id) as topics,
                       f.contact_consent
                from feedback f join event e on e.id = f.event_id
                join feedback_question q on q.id = f.question_id
                left join timeslot t on t.id = f.timeslot_id
                where e.campaign_id = ?1 %s
                order by e.town, e.postcode, f.seq""".formatted(branch)).setParameter(1, campaignId);
        if (!caller.isAdmin()) {
            query.setParameter(2, caller.branchId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], Columns.time(r[1]), (UUID) r[2], (String) r[3], (String) r[4],
                (String) r[5], (UUID) r[6], Columns.time(r[7]), (String) r[8], (String) r[9],
                r[10] == null ? "" : (String) r[10], (Boolean) r[11])).toList();
    }
}
