package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.elections.domain.Election;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;

import java.time.LocalDate;
import java.util.List;

/** Public reads of elections, most recent poll first. */
@ApplicationScoped
public class ElectionQueries {

    public Page<Election> elections(PageRequest request) {
        List<Election> rows;
        if (request.after() == null) {
            rows = Election.find("order by pollDate desc, electionId").page(0, request.fetchSize()).list();
        } else {
            LocalDate pollDate = request.after().date(0);
            String electionId = request.after().value(1);
            rows = Election.find("pollDate < ?1 or (pollDate = ?1 and electionId > ?2) order by pollDate desc, electionId",
                    pollDate, electionId).page(0, request.fetchSize()).list();
        }
        return request.page(rows, e -> Cursor.of(e.pollDate, e.electionId));
    }
}
