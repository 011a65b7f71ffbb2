package org.grassroots.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;
import org.grassroots.members.domain.Branch;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;
import jakarta.inject.Inject;

/** Local branches and the postcode districts they cover. */
@ApplicationScoped
public class BranchService {

    @Inject
    Clock clock;

    @Transactional
    public Branch create(String name, Collection<String> postcodeDistricts) {
        if (Branch.nameTaken(name)) {
            throw ProblemException.conflict("duplicate-branch", "A branch with this name exists");
        }
        OffsetDateTime now = SuiteClock.timestamp(clock);
        Branch branch = new Branch();
        branch.id = TimeOrderedIds.next();
        branch.name = name.trim();
        branch.slug = Branch.slugOf(name);
        branch.postcodeDistricts = postcodeDistricts.stream().map(d -> d.trim().toUpperCase(Locale.ROOT))
                .distinct().toArray(String[]::new);
        branch.createdAt = now;
        branch.updatedAt = now;
        branch.persist();
        return branch;
    }

    public Optional<Branch> find(UUID id) {
        return Branch.findByIdOptional(id);
    }

    public Page<Branch> list(PageRequest request) {
        List<Branch> rows = request.after() == null
                ? Branch.find("order by slug").page(0, request.fetchSize()).list()
                : Branch.find("slug > ?1 order by slug", request.after().value(0)).page(0, request.fetchSize()).list();
        return request.page(rows, b -> Cursor.of(b.slug));
    }
}
