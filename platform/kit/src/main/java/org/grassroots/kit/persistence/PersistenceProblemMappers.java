package org.grassroots.kit.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemMappers;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The database's refusals that a concurrent request can provoke, as 409 problems rather than 500s. Here, not with
 * the web kit's {@link ProblemMappers}, because only a process with a database (not the gateway) can meet them.
 */
public class PersistenceProblemMappers {

    /** A uniqueness rule the service did not check first, hit by a concurrent request: a conflict, not a 500. */
    @ServerExceptionMapper
    public Response uniqueness(ConstraintViolationException e, UriInfo uri) {
        return ProblemMappers.respond(Problem.of(409, "conflict", "Conflict",
                "The request conflicts with the current state (a concurrent change, or a duplicate)"), uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.respond(Problem.of(409, "conflict", "Conflict",
                "The resource was changed by someone else meanwhile; read it again and retry"), uri);
    }
}
