package org.grassroots.events.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.grassroots.events.domain.Feedback;
import org.grassroots.events.domain.Rsvp;
import org.grassroots.kit.openapi.ApiKeyScopes;
import org.grassroots.kit.security.ApiKeyGrants;
import org.grassroots.kit.security.Roles;
import org.grassroots.kit.security.SubjectAccessGrants;
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

    @Inject
    SubjectAccessGrants grants;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, ApiKeyGrants.INTEGRATION})
    @Extension(name = ApiKeyScopes.EXTENSION, value = ApiKeyScopes.MEMBERS_EXPORT)
    @Operation(hidden = true)
    public SubjectAccess.EventsHoldings held(@NotNull SubjectAccess.Request request,
                                             @HeaderParam(SubjectAccess.GRANT_HEADER) String grant) {
        SubjectAccessGuard.requireAllowed(identity, token, request.memberId());
        // Copies kept under an address only for the addresses members-service vouches are this member's.
        List<String> emails = grants.verifiedEmails(request.memberId(), request.emails(), grant);
        List<Rsvp> rsvps = emails.isEmpty() ? Rsvp.list("memberId = ?1 order by createdAt", request.memberId())
                : Rsvp.list("memberId = ?1 or emailNormalised in ?2 order by createdAt", request.memberId(), emails);
        List<Feedback> feedback = emails.isEmpty() ? List.of()
                : Feedback.list("lower(trim(contactEmail)) in ?1 order by recordedAt", emails);
        return new SubjectAccess.EventsHoldings(
                rsvps.stream().map(r -> new SubjectAccess.RsvpHeld(r.id, r.eventId, r.timeslotId, r.status.name(),
                        r.attended, r.checkedInAt, r.givenName, r.familyName, r.email, r.contactConsent,
                        r.createdAt)).toList(),
                feedback.stream().map(f -> new SubjectAccess.FeedbackContactHeld(f.id, f.eventId, f.answer,
                        f.contactName, f.contactEmail, f.contactPhone, f.contactConsent, f.recordedAt)).toList());
    }
}
