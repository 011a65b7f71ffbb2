package org.grassroots.elections.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.grassroots.elections.domain.Candidacy;
import org.grassroots.elections.domain.OfficeHolder;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.grassroots.kit.security.ApiKeyGrants;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.SubjectAccessGuard;
import org.grassroots.kit.subjectaccess.SubjectAccess;

import java.util.List;

/** What this service holds about one person, for members-service's subject-access export (internal, undocumented). */
@Path(SubjectAccess.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, ApiKeyGrants.INTEGRATION})
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_EXPORT)
    @Operation(hidden = true)
    public SubjectAccess.ElectionsHoldings held(@NotNull SubjectAccess.Request request) {
        SubjectAccessGuard.requireAllowed(identity, token, request.memberId());
        List<Candidacy> candidacies = Candidacy.list("memberId = ?1 order by createdAt", request.memberId());
        List<OfficeHolder> offices = OfficeHolder.list("memberId = ?1 order by startDate", request.memberId());
        return new SubjectAccess.ElectionsHoldings(
                candidacies.stream().map(c -> new SubjectAccess.CandidacyHeld(c.id, c.ballot.electionId, c.name,
                        c.stage.name(), c.votes, c.elected)).toList(),
                offices.stream().map(o -> new SubjectAccess.OfficeHoldingHeld(o.id, o.post.id, o.name, o.startDate,
                        o.endDate, o.endReason)).toList());
    }
}
