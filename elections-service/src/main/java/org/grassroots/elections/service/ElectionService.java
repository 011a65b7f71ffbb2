package org.grassroots.elections.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.Election;
import org.grassroots.elections.domain.ElectionId;
import org.grassroots.elections.domain.ElectionLevel;
import org.grassroots.elections.domain.InvalidElectionIdException;
import org.grassroots.kit.problem.ProblemException;

/** Records elections above the ballot level: election groups, subtype groups and organisation elections. */
@ApplicationScoped
public class ElectionService {

    /** Parses an id from a client, answering 400 naming the wrong segment. */
    public static ElectionId parse(String field, String raw) {
        try {
            return ElectionId.parse(raw);
        } catch (InvalidElectionIdException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }

    @Transactional
    public Election create(String rawId, String name) {
        ElectionId id = parse("electionId", rawId);
        if (id.level() == ElectionLevel.ballot) {
            throw ProblemException.unprocessable("ballot-id", id.value() + " is a ballot paper id: create ballots "
                    + "with POST /ballots, which needs the post and the number of seats");
        }
        return record(id, name);
    }

    /** Records any level, checking that the parent exists and the id is new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Election record(ElectionId id, String name) {
        String parentId = id.parentId().orElse(null);
        if (parentId != null && Election.findById(parentId) == null) {
            throw ProblemException.unprocessable("parent-election-missing", "The parent election " + parentId
                    + " does not exist yet; create it first");
        }
        if (Election.findById(id.value()) != null) {
            throw ProblemException.conflict("election-exists", "Election " + id.value() + " exists already");
        }
        Election election = new Election();
        election.electionId = id.value();
        election.name = name;
        election.pollDate = id.pollDate();
        election.parentId = parentId;
        election.persist();
        return election;
    }

    public Election find(String rawId) {
        ElectionId id = parse("electionId", rawId);
        return Election.<Election>findByIdOptional(id.value())
                .orElseThrow(() -> ProblemException.notFound("Election " + id.value()));
    }
}
