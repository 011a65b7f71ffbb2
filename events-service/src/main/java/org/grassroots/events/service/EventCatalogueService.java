package org.grassroots.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.events.domain.Event;
import org.grassroots.events.domain.EventStatus;
import org.grassroots.events.domain.Visibility;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads of the public event listing. */
@ApplicationScoped
public class EventCatalogueService {

    public Page<Event> publicEvents(PageRequest request) {
        String visible = "status = ?1 and visibility = ?2";
        List<Event> rows;
        if (request.after() == null) {
            rows = Event.find(visible + " order by startsAt, id", EventStatus.published, Visibility.public_)
                    .page(0, request.fetchSize()).list();
        } else {
            OffsetDateTime startsAt = request.after().dateTime(0);
            UUID id = request.after().uuid(1);
            rows = Event.find(visible + " and (startsAt > ?3 or (startsAt = ?3 and id > ?4)) order by startsAt, id",
                    EventStatus.published, Visibility.public_, startsAt, id).page(0, request.fetchSize()).list();
        }
        return request.page(rows, e -> Cursor.of(e.startsAt, e.id));
    }
}
