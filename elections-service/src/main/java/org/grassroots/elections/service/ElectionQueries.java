package org.grassroots.elections.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.grassroots.elections.domain.Election;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;

import java.util.List;

/** Public reads of elections, most recent poll first. */
@ApplicationScoped
public class ElectionQueries {

    /** @param parentId only the children of this election; null for all elections */
    public Page<Election> elections(PageRequest request, String parentId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (parentId != null) {
            where.append(" and parentId = :parent");
            params.and("parent", parentId);
        }
        if (request.after() != null) {
            where.append(" and (pollDate < :date or (pollDate = :date and electionId > :id))");
            params.and("date", request.after().date(0)).and("id", request.after().value(1));
        }
        List<Election> rows = Election.find(where + " order by pollDate desc, electionId", params)
                .page(0, request.fetchSize()).list();
        return request.page(rows, e -> Cursor.of(e.pollDate, e.electionId));
    }
}
