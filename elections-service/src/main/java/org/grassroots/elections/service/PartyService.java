package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grassroots.elections.domain.Party;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;
import jakarta.inject.Inject;

/** Parties, ours among them (recognised by its Electoral Commission id). */
@ApplicationScoped
public class PartyService {

    @Inject
    Clock clock;

    @ConfigProperty(name = "grassroots.elections.our-party-ec-id")
    String ourPartyEcId;

    @Transactional
    public Party create(String name, String ecId) {
        if (ecId != null && Party.count("ecId", ecId) > 0) {
            throw ProblemException.conflict("party-exists", "A party with Electoral Commission id " + ecId + " exists");
        }
        Party party = new Party();
        party.id = TimeOrderedIds.next();
        party.name = name;
        party.ecId = ecId;
        party.createdAt = SuiteClock.timestamp(clock);
        party.persist();
        return party;
    }

    public Party find(UUID id) {
        return Party.<Party>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Party " + id));
    }

    /** A party named in a request body: missing is a 422 naming the field. */
    public Party referenced(String field, UUID id) {
        return Party.<Party>findByIdOptional(id).orElseThrow(() -> ProblemException.unprocessable("party-missing",
                field + ": party " + id + " does not exist"));
    }

    public String ourPartyEcId() {
        return ourPartyEcId;
    }

    public java.util.Optional<Party> ours() {
        return Party.find("ecId", ourPartyEcId).firstResultOptional();
    }

    public boolean isOurs(Party party) {
        return party != null && party.ecId != null && party.ecId.equals(ourPartyEcId);
    }

    public Page<Party> list(PageRequest request, String ecId) {
        if (ecId != null) {
            return request.page(Party.list("ecId", ecId), p -> Cursor.of(p.name, p.id));
        }
        List<Party> rows = request.after() == null
                ? Party.find("order by name, id").page(0, request.fetchSize()).list()
                : Party.find("name > ?1 or (name = ?1 and id > ?2) order by name, id", request.after().value(0),
                        request.after().uuid(1)).page(0, request.fetchSize()).list();
        return request.page(rows, p -> Cursor.of(p.name, p.id));
    }
}
