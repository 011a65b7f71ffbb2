package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.grassroots.events.domain.Campaign;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.messaging.EventPublisher;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import org.grassroots.kit.security.Caller;
import java.time.Clock;

/** Campaigns and which events run under them. */
@ApplicationScoped
public class CampaignService {

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    @Transactional
    public Campaign create(String name, String description, LocalDate startsOn, LocalDate endsOn) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        if (Campaign.count("lower(name) = ?1", name.trim().toLowerCase(Locale.ROOT)) > 0) {
            throw ProblemException.conflict("duplicate-campaign", "A campaign named " + name.trim() + " exists");
        }
        Campaign campaign = new Campaign();
        campaign.id = TimeOrderedIds.next();
        campaign.name = name.trim();
        campaign.description = description;
        campaign.startsOn = startsOn;
        campaign.endsOn = endsOn;
        campaign.createdAt = SuiteClock.timestamp(clock);
        campaign.updatedAt = campaign.createdAt;
        campaign.persist();
        return campaign;
    }

    public Page<Campaign> list(PageRequest request) {
        List<Campaign> rows = request.after() == null
                ? Campaign.find("order by createdAt, id").page(0, request.fetchSize()).list()
                : Campaign.find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id",
                request.after().dateTime(0), request.after().uuid(1)).page(0, request.fetchSize()).list();
        return request.page(rows, c -> Cursor.of(c.createdAt, c.id));
    }

    public Campaign find(UUID id) {
        return Campaign.require(id);
    }

    /** Puts the event under the campaign (or, with {@code campaignId} null, under none). */
    @Transactional
    public Event assign(UUID campaignId, UUID eventId, Caller caller) {
        if (campaignId != null) {
            Campaign.require(campaignId);
        }
        Event event = Event.require(eventId);
        event.requireManagedBy(caller);
        if (java.util.Objects.equals(event.campaignId, campaignId)) {
            return event;
        }
        event.campaignId = campaignId;
        event.updatedAt = SuiteClock.timestamp(clock);
        if (event.status != EventStatus.draft) {
            publisher.updated(event);
        }
        return event;
    }

    @Transactional
    public Event remove(UUID campaignId, UUID eventId, Caller caller) {
        Event event = Event.require(eventId);
        if (!campaignId.equals(event.campaignId)) {
            throw ProblemException.notFound("Event " + eventId + " in campaign " + campaignId);
        }
        return assign(null, eventId, caller);
    }
}
